package org.yunwei.evaluation.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SatisfactionSettings.class)
class SatisfactionConfiguration {
}
