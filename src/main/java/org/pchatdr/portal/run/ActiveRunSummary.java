package org.pchatdr.portal.run;

/**
 * A run not finished yet, as the operators' home shows it: its line of the runs list, its RTO clock
 * now, and the step to do next ({@code null} when every step is done or skipped).
 */
public record ActiveRunSummary(RunSummary run, RunView.Timings timings, RunView.Step next) {}
