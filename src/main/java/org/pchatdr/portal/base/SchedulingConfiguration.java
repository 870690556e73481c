package org.pchatdr.portal.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background sweeps (lapsed approvals, overdue ratifications) run on every portal instance; each
 * records what it finds once, under a row lock, so several instances sweeping at once is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
