package com.tandem;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tandem: martech purchases decided jointly by marketing and IT, on the Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("tandem")
public class TandemApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemApplication.class, args);
  }
}
