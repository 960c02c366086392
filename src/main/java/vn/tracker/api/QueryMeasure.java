package vn.tracker.api;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.tracker.common.PageRequest;

/**
 * Depth, alias count and cost of one operation, from the parsed document and the schema. Cost
 * follows GitHub's model: each field costs 1 times the product of the page sizes of the
 * connections it sits in (a connection's page is its {@code first} argument, 20 when omitted).
 */
final class QueryMeasure {

    long depth;
    long aliases;
    long cost;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;

    private QueryMeasure(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    static QueryMeasure of(GraphQLSchema schema, Document document, OperationDefinition operation,
            Map<String, Object> variables) {
        QueryMeasure m = new QueryMeasure(schema, document, variables);
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        m.walk(operation.getSelectionSet(), root, 1, 1, new HashSet<>());
        // Aliases anywhere in the document count, also in fragments an operation might not use.
        m.aliases = countAliases(document);
        return m;
    }

    private void walk(SelectionSet set, GraphQLFieldsContainer parent, int depth, long multiplier,
            Set<String> fragmentPath) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                depth = Math.max(depth, 1);
                this.depth = Math.max(this.depth, depth);
                cost = saturatedAdd(cost, multiplier);
                GraphQLFieldDefinition definition = parent == null ? null : parent.getFieldDefinition(field.getName());
                GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
                long next = multiplier;
                if (type != null && GraphQLTypeUtil.simplePrint(type).endsWith("Connection")) {
                    next = saturatedMultiply(multiplier, pageSize(field));
                }
                walk(field.getSelectionSet(), type instanceof GraphQLFieldsContainer c ? c : null, depth + 1, next,
                        fragmentPath);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLFieldsContainer target = inline.getTypeCondition() == null ? parent
                        : container(inline.getTypeCondition().getName());
                walk(inline.getSelectionSet(), target, depth, multiplier, fragmentPath);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && fragmentPath.add(spread.getName())) {
                    walk(fragment.getSelectionSet(), container(fragment.getTypeCondition().getName()), depth,
                            multiplier, fragmentPath);
                    fragmentPath.remove(spread.getName());
                }
            }
        }
    }

    private GraphQLFieldsContainer container(String typeName) {
        return schema.getType(typeName) instanceof GraphQLFieldsContainer c ? c : null;
    }

    private long pageSize(Field field) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first")) {
                if (argument.getValue() instanceof IntValue i) {
                    return Math.max(1, i.getValue().longValue());
                }
                if (argument.getValue() instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
                    return Math.max(1, n.longValue());
                }
            }
        }
        return PageRequest.DEFAULT_SIZE;
    }

    /**
     * Aliases in every selection set of the document (operations and fragments). A plain recursive
     * walk: graphql-java's generic NodeTraverser did the same with a context object per node, ~2 %
     * of the portal mix's request CPU for documents of a few dozen fields.
     */
    private static long countAliases(Document document) {
        long count = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                count += countAliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                count += countAliases(fragment.getSelectionSet());
            }
        }
        return count;
    }

    private static long countAliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        long count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + countAliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                count += countAliases(inline.getSelectionSet());
            }
        }
        return count;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
