package dev.delegatemcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.junit.jupiter.api.Test;

class BeanMethodCallTest {

    /** A bean class with a method to call. */
    public static class Greeter {
        public String greet(String name) {
            return "hello " + name;
        }

        public String fail() {
            throw new IllegalStateException("the author's own failure");
        }
    }

    private final AtomicInteger references = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    private BeanManager beanManager() {
        CreationalContext<?> context = (CreationalContext<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CreationalContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("release")) {
                        released.incrementAndGet();
                    }
                    return null;
                });
        return (BeanManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BeanManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isNormalScope" -> args[0] == ApplicationScoped.class;
                    case "createCreationalContext" -> context;
                    case "getReference" -> {
                        references.incrementAndGet();
                        yield new Greeter();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bean<?> bean(Class<? extends Annotation> scope) {
        return (Bean<?>) Proxy.newProxyInstance(BeanMethodCallTest.class.getClassLoader(), new Class<?>[] {Bean.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getScope")) {
                        return scope;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNormalScopedBeansReferenceIsTakenOnceOnTheFirstCall() throws Throwable {
        BeanMethodCall call = BeanMethodCall.contextual(beanManager(), bean(ApplicationScoped.class), Greeter.class,
                Greeter.class.getMethod("greet", String.class));
        assertEquals(0, references.get(), "not taken before the first call");
        assertEquals("hello a", call.call(new Object[] {"a"}));
        assertEquals("hello b", call.call(new Object[] {"b"}));
        assertEquals(1, references.get());
    }

    @Test
    void aDependentBeanIsMadeForEachCallAndReleasedAfterIt() throws Throwable {
        BeanMethodCall call = BeanMethodCall.contextual(beanManager(), bean(Dependent.class), Greeter.class,
                Greeter.class.getMethod("greet", String.class));
        call.call(new Object[] {"a"});
        call.call(new Object[] {"b"});
        assertEquals(2, references.get());
        assertEquals(2, released.get());
    }

    @Test
    void whatTheMethodThrowsIsThrownUnwrapped() throws Throwable {
        for (Class<? extends Annotation> scope : java.util.List.of(ApplicationScoped.class, Dependent.class)) {
            BeanMethodCall call = BeanMethodCall.contextual(beanManager(), bean(scope), Greeter.class,
                    Greeter.class.getMethod("fail"));
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> call.call(new Object[0]));
            assertEquals("the author's own failure", thrown.getMessage());
        }
        assertEquals(1, released.get(), "the dependent instance is released after a failure too");
    }
}
