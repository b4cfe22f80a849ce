package com.tandem.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of /api (served at /v3/api-docs, browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tandem intake API",
            version = "1",
            description =
                "Submit and follow martech purchase requests. HTTP Basic with your Tandem (Camunda) user. "
                    + "Errors are application/problem+json with an errors array of {field, message}. See docs/api.md."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {}
