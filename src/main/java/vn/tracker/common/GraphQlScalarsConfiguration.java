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
        return wiring -> wiring.scalar(ExtendedScalars.Date).scalar(DATE_TIME).scalar(ExtendedScalars.GraphQLLong);
    }

    /**
     * RFC 3339 DateTime that also serializes {@link Instant} (entities store instants), shown at the
     * Asia/Ho_Chi_Minh offset (+07:00), which is how people here read times.
     */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing())).build();

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
