package vn.tracker.bench;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;

/**
 * Reads the product's schema so operations can use what the API offers (the API grows while
 * this runner exists): does Query have a field, does an argument exist, what fields a type has.
 */
public final class GraphQlShapes {

    private final GraphQLSchema schema;

    public GraphQlShapes(GraphQLSchema schema) {
        this.schema = schema;
    }

    public GraphQLFieldDefinition query(String field) {
        return schema.getQueryType().getFieldDefinition(field);
    }

    public boolean hasArgument(String queryField, String argument) {
        GraphQLFieldDefinition f = query(queryField);
        return f != null && f.getArgument(argument) != null;
    }

    /** The input object type of an argument, or null. */
    public GraphQLInputObjectType inputOf(String queryField, String argument) {
        GraphQLFieldDefinition f = query(queryField);
        if (f == null || f.getArgument(argument) == null) {
            return null;
        }
        GraphQLType t = GraphQLTypeUtil.unwrapAll(f.getArgument(argument).getType());
        return t instanceof GraphQLInputObjectType input ? input : null;
    }

    public boolean typeHasField(String type, String field) {
        GraphQLType t = schema.getType(type);
        return t instanceof GraphQLObjectType o && o.getFieldDefinition(field) != null;
    }

    /**
     * A selection of every field without required arguments, objects followed to {@code depth}
     * levels: lets an operation ask for "the whole answer" of a type it does not know in detail.
     */
    public String selectAll(String typeName, int depth) {
        return select((GraphQLFieldsContainer) schema.getType(typeName), depth);
    }

    /** A selection of every scalar and enum field without required arguments (no objects). */
    public String selectScalars(String typeName) {
        return select((GraphQLFieldsContainer) schema.getType(typeName), 0);
    }

    private String select(GraphQLFieldsContainer type, int depth) {
        StringBuilder sb = new StringBuilder("{");
        for (GraphQLFieldDefinition f : type.getFieldDefinitions()) {
            boolean requiredArgs = f.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()));
            if (requiredArgs) {
                continue;
            }
            GraphQLUnmodifiedType inner = GraphQLTypeUtil.unwrapAll(f.getType());
            if (inner instanceof GraphQLFieldsContainer child) {
                if (depth > 0) {
                    sb.append(' ').append(f.getName()).append(' ').append(select(child, depth - 1));
                }
            } else {
                sb.append(' ').append(f.getName());
            }
        }
        return sb.append(" }").toString();
    }
}
