package bench.bare;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The one JPA entity. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    Long id;

    String text;
}
