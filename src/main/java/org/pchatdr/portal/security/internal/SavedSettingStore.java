package org.pchatdr.portal.security.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;

/** The one row of a {@link SavedSetting}, read, or row-locked for a change. */
@NoRepositoryBean
public interface SavedSettingStore<S extends SavedSetting> extends JpaRepository<S, Integer> {

    @Query("select s from #{#entityName} s where s.id = " + SavedSetting.ID)
    Optional<S> stored();

    /** The stored setting, row-locked: two administrators saving at once queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from #{#entityName} s where s.id = " + SavedSetting.ID)
    Optional<S> lockStored();
}
