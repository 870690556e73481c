import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Issue 16: where a start goes, as Spring Boot documents it ("Application Startup tracking"): starts
 * the application of class {@code args[0]} (the portal or bench/bare-app) with a
 * {@link BufferingApplicationStartup}, requests {@code /login} once like the benchmark's served
 * sign-in page, and prints what the JVM counts at that moment (CPU time of the process, classes
 * loaded, bean definitions and singletons) and the recorded start-up steps: the steps by name
 * and the beans by the time of their own instantiation (a step's time minus its children's), so a
 * bean that only waits for the beans it needs does not hide which one costs. Counts, not wall
 * seconds, are what compare across a shared machine. Run by bench/startup-profile.sh; the production
 * code is not changed for it (no {@code /actuator/startup} in production).
 */
public final class StartupProfile {

    private static final int TOP = Integer.getInteger("top", 25);

    public static void main(String[] args) throws Exception {
        Class<?> application = Class.forName(args[0]);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(200_000);
        SpringApplication spring = new SpringApplication(application);
        spring.setApplicationStartup(startup);
        spring.setMainApplicationClass(application);
        ConfigurableApplicationContext context = spring.run(Arrays.copyOfRange(args, 1, args.length));
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> login = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        long served = ManagementFactory.getRuntimeMXBean().getUptime();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var beans = context.getBeanFactory();

        System.out.printf(
                "PROFILE %s: /login %d; JVM uptime %.2f s at ready, %.2f s at the served sign-in page;"
                        + " CPU %.2f s; classes loaded %d; bean definitions %d; singletons %d; heap used %d MB%n",
                application.getSimpleName(),
                login.statusCode(),
                ready / 1000.0,
                served / 1000.0,
                os.getProcessCpuTime() / 1e9,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                beans.getBeanDefinitionCount(),
                beans.getSingletonNames().length,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        Map<Long, Long> childTime = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        record Self(String name, String bean, long selfNanos, long totalNanos) {}
        List<Self> selves = new ArrayList<>();
        for (StartupTimeline.TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long total = event.getDuration().toNanos();
            String bean = null;
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName")) {
                    bean = tag.getValue();
                }
            }
            selves.add(new Self(step.getName(), bean, total - childTime.getOrDefault(step.getId(), 0L), total));
        }

        System.out.printf("%n%d steps recorded. Own time by step name (ms, count):%n", events.size());
        Map<String, long[]> byName = new TreeMap<>();
        for (Self self : selves) {
            long[] sum = byName.computeIfAbsent(self.name(), n -> new long[2]);
            sum[0] += self.selfNanos();
            sum[1]++;
        }
        byName.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> -e.getValue()[0]))
                .forEach(e -> System.out.printf(
                        "  %8.0f  %6d  %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));

        System.out.printf("%nThe %d beans with the longest own instantiation (ms own, ms with what they need):%n", TOP);
        selves.stream()
                .filter(self -> self.bean() != null && self.name().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparingLong(self -> -self.selfNanos()))
                .limit(TOP)
                .forEach(self -> System.out.printf(
                        "  %8.0f  %8.0f  %s%n", self.selfNanos() / 1e6, self.totalNanos() / 1e6, self.bean()));

        context.close();
        System.exit(0);
    }
}
