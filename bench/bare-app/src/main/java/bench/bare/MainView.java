package bench.bare;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The one signed-in route. */
@Route("")
@PermitAll
public class MainView extends VerticalLayout {

    MainView(NoteRepository notes) {
        add(new Paragraph("Notes: " + notes.count()));
    }
}
