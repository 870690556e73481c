package bench.bare;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bare Vaadin + Spring Boot + JPA application the portal's start-up is compared with. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
public class BareApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
