/**
 * One class per topology rule of the domain reference (T-1…T-18, L-4), each citing its rule id in
 * its Javadoc, its violations and its message keys ({@code rule.<id>.<what>} in
 * {@code i18n/topology-rules}). Internal to the topology module: {@code TopologyRules} is the entry
 * point.
 */
package org.pchatdr.portal.topology.rules;
