package com.tandem.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code tandem.notification.*}: the sender address of Tandem's mails. */
@Validated
@ConfigurationProperties("tandem.notification")
public record NotificationProperties(
    @DefaultValue("tandem@tandem.example") @NotBlank @Email String from) {}
