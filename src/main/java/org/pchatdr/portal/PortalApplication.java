package org.pchatdr.portal;

import org.pchatdr.portal.backup.BackupCommand;
import org.pchatdr.portal.procedure.RenderCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "base")
public class PortalApplication {

    public static void main(String[] args) {
        // The command line renders procedures without Spring: it must stay fast and touch no database.
        if (args.length > 0 && RenderCommand.NAME.equals(args[0])) {
            System.exit(RenderCommand.runOnConsole(args));
        }
        // Issue 16: a client of the running portal's REST API, which alone may open its embedded database.
        if (args.length > 0 && BackupCommand.NAME.equals(args[0])) {
            System.exit(BackupCommand.runOnConsole(args));
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
