package io.lockbench.stress.client;

import io.lockbench.api.Client;
import io.lockbench.stress.scenario.ScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds a team's {@link Client}: by the class name a scenario gives ({@code client:}), or with
 * {@link ServiceLoader} among the implementations its jars declare in
 * {@code META-INF/services/io.lockbench.api.Client}. The jars are loaded in a class loader of their
 * own whose parent is lockbench's, so the client and lockbench share one {@code lockbench-api}.
 * Every mistake is one message that names the class and the fix.
 */
public final class ClientLoader {

    static final String SERVICE_FILE = "META-INF/services/" + Client.class.getName();

    /** A client class found, and how to make one instance per client process. */
    public record Loaded(String className, Supplier<Client> clients) {
    }

    private ClientLoader() {
    }

    /**
     * @param jars      the client's jars (or class directories); none: lockbench's own classpath
     * @param className the class to run, or null to take the one implementation the jars declare
     * @throws ScenarioException naming the class (or the jars) and the fix
     */
    public static Loaded load(List<Path> jars, String className) {
        ClassLoader loader = loader(jars);
        String from = jars.isEmpty() ? "lockbench's classpath" : jars.stream().map(Path::toString)
                .collect(Collectors.joining(", "));
        String name = className != null ? className : declared(loader, jars, from);
        Class<? extends Client> type = clientClass(name, loader, from);
        Constructor<? extends Client> constructor = constructor(type);
        Supplier<Client> clients = () -> instantiate(constructor);
        closeQuietly(clients.get()); // a constructor that throws fails here, before the run, not in every client
        return new Loaded(name, clients);
    }

    private static ClassLoader loader(List<Path> jars) {
        ClassLoader parent = ClientLoader.class.getClassLoader();
        if (jars.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.exists(jar)) {
                throw new ScenarioException("--client-jar " + jar + ": no such file; give the path of the jar (or "
                        + "classes directory) that holds your client");
            }
            if (!Files.isDirectory(jar) && !jar.getFileName().toString().endsWith(".jar")) {
                throw new ScenarioException("--client-jar " + jar + ": not a .jar file or a classes directory");
            }
            try {
                urls.add(jar.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ScenarioException("--client-jar " + jar + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("lockbench-client", urls.toArray(URL[]::new), parent);
    }

    /** The one implementation the jars declare for ServiceLoader. */
    private static String declared(ClassLoader loader, List<Path> jars, String from) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (ServiceLoader.Provider<Client> p : ServiceLoader.load(Client.class, loader).stream().toList()) {
                if (jars.isEmpty() || p.type().getClassLoader() == loader) {
                    names.add(p.type().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            // Diagnose each declared name ourselves, for a message that says what to fix.
            for (String name : serviceFileEntries(loader)) {
                constructor(clientClass(name, loader, from + " (listed in " + SERVICE_FILE + ")"));
            }
            throw new ScenarioException("the client declared in " + SERVICE_FILE + " of " + from
                    + " cannot be loaded: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new ScenarioException("no client found in " + from + ": it declares no implementation of "
                    + Client.class.getName() + ". Name the class in the scenario (client: com.example.MyClient) "
                    + "or list it in the jar's " + SERVICE_FILE + " (one class name per line)");
        }
        if (names.size() > 1) {
            throw new ScenarioException(from + " declare" + (jars.size() == 1 ? "s" : "") + " " + names.size()
                    + " clients (" + String.join(", ", names) + "); name the one to run in the scenario (client: "
                    + names.iterator().next() + ")");
        }
        return names.iterator().next();
    }

    private static List<String> serviceFileEntries(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            // the ServiceLoader's own message is reported instead
        }
        return names;
    }

    private static Class<? extends Client> clientClass(String name, ClassLoader loader, String from) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ScenarioException("client class " + name + " not found in " + from + ": check the name "
                    + "(package and class, e.g. com.example.MyOrderDao) and pass the jar that holds it with --client-jar");
        } catch (LinkageError e) {
            throw new ScenarioException("client class " + name + " cannot be loaded from " + from + ": "
                    + e.getMessage() + "; pass the jars it needs with --client-jar too", e);
        }
        if (!Client.class.isAssignableFrom(type)) {
            throw new ScenarioException("client class " + name + " does not implement " + Client.class.getName()
                    + ": implement that interface (artifact io.lockbench:lockbench-api)"
                    + (type.getInterfaces().length == 0 ? "" : "; it implements "
                    + java.util.Arrays.stream(type.getInterfaces()).map(Class::getName).collect(Collectors.joining(", "))));
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ScenarioException("client class " + name + " is " + (type.isInterface() ? "an interface" : "abstract")
                    + ": name a concrete class that lockbench can instantiate");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new ScenarioException("client class " + name + " is not public: declare it public");
        }
        @SuppressWarnings("unchecked")
        Class<? extends Client> client = (Class<? extends Client>) type;
        return client;
    }

    private static Constructor<? extends Client> constructor(Class<? extends Client> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ScenarioException("client class " + type.getName() + " has no public no-argument constructor: add "
                    + "public " + type.getSimpleName() + "() {} (lockbench makes one instance per client process)");
        }
    }

    private static void closeQuietly(Client c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a probe instance, never opened
        }
    }

    private static Client instantiate(Constructor<? extends Client> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ScenarioException("client class " + constructor.getDeclaringClass().getName()
                    + ": its constructor threw " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new ScenarioException("client class " + constructor.getDeclaringClass().getName()
                    + " cannot be instantiated: " + e.getMessage(), e);
        }
    }
}
