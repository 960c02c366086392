#!/usr/bin/env python3
"""Writes the wrk request mixes (portal.mix, series.mix, console.mix) from the loaded database.

Usage: mixes.py <out-dir> <as-of>   (reads TSV on stdin: kind<TAB>code<TAB>province<TAB>id,
       kind = task | province | indicator; id only for tasks)

The portal mix is meant to look like partner portals polling, not one repeated request: every task
of the database can be asked for by code, popular ones more often (Zipf, s = 1, over a shuffled
order); task lists per province (Zipf over provinces) with or without a health filter and on pages
1-3 (keyset cursors); agencies per province; the directives list. Half the requests give the as-of
date, half rely on the default (today). Weights are repeated lines; wrk picks lines uniformly.
"""
import base64
import bisect
import itertools
import json
import random
import sys

out, as_of = sys.argv[1], sys.argv[2]
tasks, provinces, indicators = [], [], []
for line in sys.stdin:
    kind, code, province, ident = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
    if kind == "task":
        tasks.append((code, province, int(ident) if ident else 0))
    else:
        {"province": provinces, "indicator": indicators}[kind].append((code, province))
random.seed(8)


def gql(name, query, variables):
    return "POST\t/graphql\t" + json.dumps({"operationName": name, "query": query, "variables": variables},
                                           ensure_ascii=False, separators=(",", ":"))


def zipf(items):
    """A sampler over items with popularity 1/rank in a shuffled order."""
    order = list(items)
    random.shuffle(order)
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(order))))
    return lambda: order[bisect.bisect_left(cumulative, random.random() * cumulative[-1])]


def cursor(task_id):
    """The endCursor the API gives after this task in the default order (TaskSearch: field|id|key)."""
    return base64.urlsafe_b64encode(f"c1:ID|{task_id}|".encode()).decode().rstrip("=")


def with_date(variables):
    if random.random() < 0.5:
        variables["d"] = as_of
    return variables


TASK = ("query PortalTask($c: String!, $p: String, $d: Date) { task(code: $c, province: $p) { code title status"
        " dueOn progress health(asOf: $d) riskReasons(asOf: $d) { code message } leadAgency { code name }"
        " directive { code title } coordinatingAgencies { code name } } }")
TASKS = ("query PortalTasks($p: String, $h: [TaskHealth!], $a: String, $d: Date) { tasks(first: 20, after: $a,"
         " filter: { province: $p, health: $h }, asOf: $d) { totalCount pageInfo { endCursor hasNextPage }"
         " edges { node { code title status dueOn progress health(asOf: $d) leadAgency { code name }"
         " directive { code } } } } }")
AGENCIES = ("query PortalAgencies($p: String) { agencies(first: 20, filter: { parent: $p }) { totalCount"
            " edges { node { code name kind } } } }")
DIRECTIVES = "query PortalDirectives { directives(first: 20) { edges { node { code kind title issuedOn } } } }"
SERIES = ("query DashboardSeries($i: String!, $a: [String!]!, $d: Date) { series(indicator: $i, agencies: $a,"
          " includeChildren: true, from: \"2025-07\", to: \"2026-06\", asOf: $d) { periods agencies { agencyCode"
          " points { period value target gap } } } }")

by_province = {}
for code, prov, ident in sorted(tasks, key=lambda t: t[2]):
    by_province.setdefault(prov, []).append(ident)
pick_task = zipf(tasks)
pick_task_province = zipf(sorted(by_province))
pick_province = zipf([p for p, _ in provinces])

portal = []
for _ in range(6000):
    code, prov, _ = pick_task()
    portal.append(gql("PortalTask", TASK, with_date({"c": code, "p": prov})))
for _ in range(6000):
    prov = pick_task_province()
    health = random.choices([None, ["AT_RISK"], ["OVERDUE"]], [50, 30, 20])[0]
    page = random.choices([1, 2, 3], [60, 25, 15])[0]
    ids = by_province[prov]
    variables = {"p": prov}
    if health:
        variables["h"] = health
    if page > 1 and len(ids) >= 20 * (page - 1):
        variables["a"] = cursor(ids[20 * (page - 1) - 1])
    portal.append(gql("PortalTasks", TASKS, with_date(variables)))
for _ in range(5000):
    portal.append(gql("PortalAgencies", AGENCIES, {"p": pick_province()}))
for _ in range(3000):
    portal.append(gql("PortalDirectives", DIRECTIVES, {}))
random.shuffle(portal)

series = [gql("DashboardSeries", SERIES, {"i": random.choice(indicators)[0], "a": [random.choice(provinces)[0]],
                                          "d": as_of}) for _ in range(200)]
console = [f"GET\t/tasks?province={random.choice(provinces)[0].replace('N-', '')}\t" for _ in range(20)] + ["GET\t/tasks\t"] * 5

for name, lines in (("portal", portal), ("series", series), ("console", console)):
    with open(f"{out}/{name}.mix", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
distinct = len(set(portal))
print(f"mixes: {len(portal)} portal lines ({distinct} distinct requests over {len(tasks)} tasks,"
      f" {len(by_province)} task provinces), {len(series)} series, {len(console)} console", file=sys.stderr)
