#!/usr/bin/env python3
"""Writes the wrk request mixes (portal.mix, series.mix, console.mix) from the loaded database.

Usage: mixes.py <out-dir> <as-of>   (reads task codes and agency codes as TSV on stdin:
       kind<TAB>code<TAB>province, kind = task | province | indicator)
"""
import json
import random
import sys

out, as_of = sys.argv[1], sys.argv[2]
tasks, provinces, indicators = [], [], []
for line in sys.stdin:
    kind, code, province = (line.rstrip("\n").split("\t") + ["", ""])[:3]
    {"task": tasks, "province": provinces, "indicator": indicators}[kind].append((code, province))
random.seed(8)

def gql(name, query, variables):
    return "POST\t/graphql\t" + json.dumps({"operationName": name, "query": query, "variables": variables},
                                           ensure_ascii=False, separators=(",", ":"))

TASK = ("query PortalTask($c: String!, $p: String, $d: Date) { task(code: $c, province: $p) { code title status"
        " dueOn progress health(asOf: $d) riskReasons(asOf: $d) { code message } leadAgency { code name }"
        " directive { code title } coordinatingAgencies { code name } } }")
TASKS = ("query PortalTasks($d: Date) { tasks(first: 20) { totalCount edges { node { code title status dueOn"
         " progress health(asOf: $d) leadAgency { code name } directive { code } } } } }")
AGENCIES = ("query PortalAgencies($p: String) { agencies(first: 20, filter: { parent: $p }) { totalCount"
            " edges { node { code name kind } } } }")
DIRECTIVES = "query PortalDirectives { directives(first: 20) { edges { node { code kind title issuedOn } } } }"
SERIES = ("query DashboardSeries($i: String!, $a: [String!]!, $d: Date) { series(indicator: $i, agencies: $a,"
          " includeChildren: true, from: \"2025-07\", to: \"2026-06\", asOf: $d) { periods agencies { agencyCode"
          " points { period value target gap } } } }")

portal = []
for _ in range(300):
    code, prov = random.choice(tasks)
    portal.append(gql("PortalTask", TASK, {"c": code, "p": prov, "d": as_of}))
for _ in range(300):
    portal.append(gql("PortalTasks", TASKS, {"d": as_of}))
for _ in range(250):
    portal.append(gql("PortalAgencies", AGENCIES, {"p": random.choice(provinces)[0]}))
for _ in range(150):
    portal.append(gql("PortalDirectives", DIRECTIVES, {}))
random.shuffle(portal)

series = [gql("DashboardSeries", SERIES, {"i": random.choice(indicators)[0], "a": [random.choice(provinces)[0]],
                                          "d": as_of}) for _ in range(200)]
console = [f"GET\t/tasks?province={random.choice(provinces)[0].replace('N-', '')}\t" for _ in range(20)] + ["GET\t/tasks\t"] * 5

for name, lines in (("portal", portal), ("series", series), ("console", console)):
    with open(f"{out}/{name}.mix", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
print(f"mixes: {len(portal)} portal, {len(series)} series, {len(console)} console requests", file=sys.stderr)
