package de.ratsweg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RatswegApplication {

	public static void main(String[] args) {
		SpringApplication.run(RatswegApplication.class, args);
	}

}
