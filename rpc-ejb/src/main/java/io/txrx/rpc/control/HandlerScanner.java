package io.txrx.rpc.control;

import io.txrx.rpc.boundary.RpcMethod;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.Jsonb;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@link RpcMethod} handlers among the beans one bean manager can see. */
public final class HandlerScanner {

    private HandlerScanner() {}

    public static List<Handler> scan(BeanManager beanManager, Jsonb jsonb, Validator validator) {
        List<Handler> found = new ArrayList<>();
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Object reference = null;
            for (Method method : bean.getBeanClass().getMethods()) {
                RpcMethod rpc = method.getAnnotation(RpcMethod.class);
                if (rpc == null) {
                    continue;
                }
                if (reference == null) {
                    CreationalContext<?> context = beanManager.createCreationalContext(bean);
                    reference = beanManager.getReference(bean, bean.getBeanClass(), context);
                }
                found.add(new Handler(rpc.value(), reference, method, jsonb, validator));
            }
        }
        return found;
    }
}
