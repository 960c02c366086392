package vn.tracker.ops;

import io.micrometer.core.instrument.Tag;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Binds every cache that exists once the application is ready to `cache_gets_total{result=hit|miss}`
 * (hit rate = hit / (hit + miss)). Boot binds only the caches known while it starts; caches a
 * {@code CaffeineCacheManager} creates on first use (during the start-up import, say) would
 * otherwise be invisible. Caffeine caches report only when built with {@code recordStats()}
 * (`spring.cache.caffeine.spec=recordStats,…`).
 */
@Component
class CacheMetricsBinder {

    private final ObjectProvider<CacheMetricsRegistrar> registrar;
    private final Map<String, CacheManager> cacheManagers;

    CacheMetricsBinder(ObjectProvider<CacheMetricsRegistrar> registrar, Map<String, CacheManager> cacheManagers) {
        this.registrar = registrar;
        this.cacheManagers = cacheManagers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bindAll() {
        CacheMetricsRegistrar metrics = registrar.getIfAvailable();
        if (metrics == null) {
            return;
        }
        cacheManagers.forEach((beanName, manager) -> manager.getCacheNames().forEach(name -> {
            var cache = manager.getCache(name);
            if (cache != null) {
                metrics.bindCacheToRegistry(cache, Tag.of("cache.manager", managerName(beanName)));
            }
        }));
    }

    /** The same tag value Boot uses, so start-up and late bindings land on one meter. */
    private static String managerName(String beanName) {
        return beanName.length() > "CacheManager".length() && beanName.endsWith("CacheManager")
                ? beanName.substring(0, beanName.length() - "CacheManager".length()) : beanName;
    }
}
