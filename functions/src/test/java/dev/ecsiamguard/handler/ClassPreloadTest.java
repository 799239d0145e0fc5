package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassPreloadTest {

    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    /** Its static initialiser records that it ran: preloading must never run it. */
    static final class NeverInitialised {
        static {
            INITIALISED.set(true);
        }
    }

    /** A handler class whose test resources ship a preload list. */
    static final class Listed {
    }

    @Test
    void theRecordedList_isReadInOrder_withoutBlankLines() {
        List<String> names = ClassPreload.recorded(getClass().getClassLoader(), ClassPreload.resource(Listed.class));

        assertThat(names).containsExactly("java.util.zip.CRC32", NeverInitialised.class.getName(), "no.such.Missing");
    }

    @Test
    void loadAll_loadsWithoutInitialising_andSkipsWhatDoesNotLoad() {
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };

        int loaded = ClassPreload.loadAll(List.of("no.such.Missing", NeverInitialised.class.getName(),
                "java.util.zip.CRC32"), recording);

        assertThat(loaded).isEqualTo(2);
        assertThat(asked).containsExactly("no.such.Missing", NeverInitialised.class.getName(), "java.util.zip.CRC32");
        assertThat(INITIALISED).isFalse();
    }

    @Test
    void start_withAList_preloadsOnADaemonThread_andWithoutOne_startsNothing() throws Exception {
        assertThat(ClassPreload.start(ClassPreloadTest.class)).isFalse();  // no list for this class

        assertThat(ClassPreload.start(Listed.class)).isTrue();
        ClassPreload.awaitAll();

        assertThat(INITIALISED).isFalse();
    }
}
