package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public contract in schema/ parses and validates with graphql-java's standard tooling
 * (SchemaParser + SchemaGenerator, the same path any graphql-java server takes), and every type,
 * field, argument, input field and enum value carries a description.
 */
class SchemaContractTest {

    static GraphQLSchema schemaFromFiles() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(parser.parse(Files.readString(file)));
            }
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /**
     * Elements of other features' files (review, indicator) that were undescribed when this test
     * landed. Frozen: any NEW undescribed element fails; describe these and delete them from here.
     */
    static final List<String> PENDING_IN_OTHER_FEATURES = List.of();

    @Test
    void schemaParsesAndValidates() throws IOException {
        GraphQLSchema schema = schemaFromFiles();
        assertThat(schema.getQueryType().getFieldDefinition("tasks")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinitions()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(schema.getType("UserError")).isNotNull();
    }

    @Test
    void everythingIsDescribed() throws IOException {
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schemaFromFiles().getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || (type instanceof GraphQLScalarType && List.of("String", "Int", "Float",
                    "Boolean", "ID").contains(name))) {
                continue;
            }
            check(undescribed, name, type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    check(undescribed, name + "." + field.getName(), field.getDescription());
                    for (GraphQLArgument arg : field.getArguments()) {
                        check(undescribed, name + "." + field.getName() + "(" + arg.getName() + ")", arg.getDescription());
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(undescribed, name + "." + field.getName(), field.getDescription());
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(undescribed, name + "." + value.getName(), value.getDescription());
                }
            }
        }
        undescribed.removeAll(PENDING_IN_OTHER_FEATURES);
        assertThat(undescribed).as("undescribed schema elements").isEmpty();
    }

    private static void check(List<String> undescribed, String what, String description) {
        if (description == null || description.isBlank()) {
            undescribed.add(what);
        }
    }
}
