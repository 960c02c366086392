/**
 * Operability: who may read Actuator, per-operation GraphQL latency, SQL statements per request,
 * cache and import metrics. Nothing here changes what the product answers; it only observes it.
 */
package vn.tracker.ops;
