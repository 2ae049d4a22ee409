package app.nianbao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import app.nianbao.cli.NianbaoCommand;

/**
 * One jar, two faces: {@code java -jar nianbao.jar <command>} runs the command line without
 * the web server; anything else (including Spring Boot's {@code --name=value}) starts the server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (NianbaoCommand.handles(args)) {
            System.exit(NianbaoCommand.run(args));
        }
        SpringApplication.run(Application.class, args);
    }
}
