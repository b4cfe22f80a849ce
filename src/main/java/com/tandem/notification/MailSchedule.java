package com.tandem.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link MailDispatcher} on its schedule ({@code tandem.notification.outbox.*}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule {}
