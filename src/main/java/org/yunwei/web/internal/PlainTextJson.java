package org.yunwei.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunwei.web.ControlCharacters;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every text value and map key of a JSON body to {@link ControlCharacters}, while Jackson still knows where
 * the value sits, so that the refusal names the field ({@code name}, {@code targets[1].name}). Spring Boot adds the
 * module to the application's JSON mapper.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

	@Bean
	JacksonModule plainTextModule() {
		return new SimpleModule("yunwei-plain-text").addDeserializer(String.class, new PlainTextDeserializer())
			.addKeyDeserializer(String.class, new PlainTextKeyDeserializer());
	}

	/** A text value holding a control character: refused with 400 naming the field, as a mistake in the input. */
	static final class ControlCharactersInText extends MismatchedInputException {

		ControlCharactersInText(JsonParser parser) {
			super(parser, "control characters in text", String.class);
		}
	}

	private static final class PlainTextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String value = super.deserialize(parser, context);
			if (ControlCharacters.in(value)) {
				throw new ControlCharactersInText(parser);
			}
			return value;
		}
	}

	private static final class PlainTextKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			if (ControlCharacters.in(key)) {
				throw new ControlCharactersInText(context.getParser());
			}
			return key;
		}
	}
}
