package bench.bare;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page whose first answer the benchmark times. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout {

    LoginView() {
        LoginForm form = new LoginForm();
        form.setAction("login");
        add(form);
    }
}
