package vn.tracker.common;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME).scalar(ExtendedScalars.GraphQLLong);
    }

    /**
     * RFC 3339 DateTime that also serializes {@link Instant} (entities store instants), shown at the
     * Asia/Ho_Chi_Minh offset (+07:00), which is how people here read times.
     */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing())).build();

    /**
     * ISO date that rejects impossible dates: the stock scalar resolves "2026-02-30" leniently to
     * 2026-02-28, which would silently answer a different question.
     */
    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar(ExtendedScalars.Date)
            .coercing(new StrictDateCoercing(ExtendedScalars.Date.getCoercing())).build();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private record StrictDateCoercing(Coercing delegate) implements Coercing<Object, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return (String) delegate.serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            Object parsed = delegate.parseValue(input, context, locale);
            if (input instanceof String text && !strict(text)) {
                throw new CoercingParseValueException("Ngày không hợp lệ / invalid date: expected YYYY-MM-DD");
            }
            return parsed;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            Object parsed = delegate.parseLiteral(input, variables, context, locale);
            if (input instanceof graphql.language.StringValue text && !strict(text.getValue())) {
                throw new CoercingParseLiteralException("Ngày không hợp lệ / invalid date: expected YYYY-MM-DD");
            }
            return parsed;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(input, context, locale);
        }

        private static boolean strict(String text) {
            try {
                java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
                return true;
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private record InstantAwareCoercing(Coercing delegate) implements Coercing<Object, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            Object v = value instanceof Instant instant ? instant.atZone(AsOfDates.ZONE).toOffsetDateTime() : value;
            return (String) delegate.serialize(v, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            return delegate.parseValue(input, context, locale);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            return delegate.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(input, context, locale);
        }
    }
}
