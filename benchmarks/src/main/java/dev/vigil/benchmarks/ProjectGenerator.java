package dev.vigil.benchmarks;

import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic but realistic projects of any size, for the benchmarks and their tests. For N services it
 * writes, per service, 10 recording rules, 10 alerts with annotations and written runbooks, 2 SLOs and a
 * dashboard of 12 panels, and a routing block with receivers and routes per team, an inhibition per
 * service and a routing test per team. It writes the project twice, with the same meaning: by hand (each
 * service spelled out) and templated (one blueprint, and per service a {@code use} with its arguments).
 * The same seed gives the same project, byte for byte.
 *
 * <p>Both forms come from one description of a service, {@link #BODY}: its markers render either as the
 * blueprint's parameter references or as the service's own values written in place.
 */
public final class ProjectGenerator {
    /** The seed of the committed benchmark results. */
    public static final long SEED = 15L;
    public static final String BLUEPRINT = "http_service";

    private ProjectGenerator() {
    }

    /** The two forms of one project. */
    public record Project(List<ServiceSpec> services, List<SourceFile> handWritten, List<SourceFile> templated) {
        public Project {
            services = List.copyOf(services);
            handWritten = List.copyOf(handWritten);
            templated = List.copyOf(templated);
        }
    }

    /** A blueprint parameter: its type, and the default the blueprint declares (null: none). */
    public enum Param {
        JOB("job", Type.STRING, null),
        TEAM("team", Type.STRING, null),
        TIER("tier", Type.STRING, "api"),
        ERROR_RATIO("error_ratio", Type.NUMBER, "0.05"),
        ERROR_FOR("error_for", Type.DURATION, "10m"),
        LATENCY_P99("latency_p99", Type.NUMBER, "0.5"),
        CPU_LIMIT("cpu_limit", Type.NUMBER, "1.8"),
        MEMORY_LIMIT("memory_limit", Type.NUMBER, "2147483648"),
        QUEUE_MAX("queue_max", Type.NUMBER, "1000"),
        DB_SATURATION("db_saturation", Type.PERCENTAGE, "80%"),
        AVAILABILITY("availability", Type.PERCENTAGE, "99.9%"),
        LATENCY_OBJECTIVE("latency_objective", Type.PERCENTAGE, "99%"),
        LATENCY_THRESHOLD("latency_threshold", Type.DURATION, "250ms");

        final String key;
        final Type type;
        final String defaultText;

        Param(String key, Type type, String defaultText) {
            this.key = key;
            this.type = type;
            this.defaultText = defaultText;
        }

        static Param of(String key) {
            for (Param p : values()) {
                if (p.key.equals(key)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("no parameter " + key);
        }
    }

    enum Type {
        STRING("string"), NUMBER("number"), PERCENTAGE("percentage"), DURATION("duration");

        final String keyword;

        Type(String keyword) {
            this.keyword = keyword;
        }
    }

    /** One service: its name and the value of every blueprint parameter, as written in Vigil (`0.02`, `80%`, `5m`). */
    public record ServiceSpec(String name, Map<Param, String> values) {
        public ServiceSpec {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String team() {
            return values.get(Param.TEAM);
        }

        /** The alert-name prefix, as `${service|pascal}` gives it: `checkout_api` is `CheckoutApi`. */
        public String pascal() {
            StringBuilder out = new StringBuilder();
            for (String part : name.split("_")) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return out.toString();
        }
    }

    private static final String[] DOMAINS = {
        "checkout", "cart", "orders", "payments", "invoices", "accounts", "auth", "profile", "search", "catalog",
        "inventory", "pricing", "shipping", "tracking", "notifications", "email", "sms", "recommendations",
        "reviews", "media", "uploads", "thumbnails", "geo", "ledger", "refunds", "fraud", "risk", "sessions",
        "flags", "audit", "reports", "exports", "scheduler", "webhooks", "billing", "subscriptions", "coupons",
        "loyalty", "returns", "warehouse",
    };
    private static final String[] ROLES = {"api", "worker", "consumer", "gateway", "sync", "indexer", "cron", "admin"};
    private static final String[] TEAMS = {
        "shop", "payments", "identity", "discovery", "logistics", "growth", "platform", "data", "messaging",
        "trust", "media", "finance", "fulfilment", "partners", "support", "mobile",
    };
    /** Services per team, on average: a team of a mid-sized organisation owns a handful of services. */
    private static final int SERVICES_PER_TEAM = 8;

    /** N services with seeded names, owners and thresholds. */
    public static List<ServiceSpec> services(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one service, not " + count);
        }
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (String d : DOMAINS) {
            for (String r : ROLES) {
                names.add(d + "_" + r);
            }
        }
        Collections.shuffle(names, random);
        int teams = Math.max(1, (count + SERVICES_PER_TEAM - 1) / SERVICES_PER_TEAM);
        List<ServiceSpec> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Past the 320 combinations, a numbered second cell of the same service, as large fleets have.
            int cell = i / names.size();
            String name = names.get(i % names.size()) + (cell == 0 ? "" : "_" + (cell + 1));
            Map<Param, String> v = new LinkedHashMap<>();
            v.put(Param.JOB, name.replace('_', '-'));
            int t = random.nextInt(teams);
            v.put(Param.TEAM, TEAMS[t % TEAMS.length] + (t < TEAMS.length ? "" : "_" + (t / TEAMS.length + 1)));
            String role = name.split("_")[1];
            v.put(Param.TIER, role.equals("api") || role.equals("gateway") || role.equals("admin") ? "api" : "backend");
            v.put(Param.ERROR_RATIO, pick(random, "0.05", "0.05", "0.02", "0.01"));
            v.put(Param.ERROR_FOR, pick(random, "10m", "10m", "5m"));
            v.put(Param.LATENCY_P99, pick(random, "0.5", "0.5", "0.25", "1", "2.5"));
            v.put(Param.CPU_LIMIT, pick(random, "1.8", "1.8", "0.9", "3.6"));
            v.put(Param.MEMORY_LIMIT, pick(random, "2147483648", "1073741824", "4294967296"));
            v.put(Param.QUEUE_MAX, pick(random, "1000", "1000", "100", "5000"));
            v.put(Param.DB_SATURATION, pick(random, "80%", "80%", "90%"));
            v.put(Param.AVAILABILITY, pick(random, "99.9%", "99.9%", "99.5%", "99.95%"));
            v.put(Param.LATENCY_OBJECTIVE, pick(random, "99%", "99%", "95%"));
            v.put(Param.LATENCY_THRESHOLD, pick(random, "250ms", "250ms", "100ms", "500ms", "1s"));
            out.add(new ServiceSpec(name, v));
        }
        return out;
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Both forms of a project of {@code count} services. */
    public static Project generate(int count, long seed) {
        List<ServiceSpec> services = services(count, seed);
        List<SourceFile> hand = new ArrayList<>();
        List<SourceFile> templated = new ArrayList<>();
        hand.add(new SourceFile("project.vigil", HEADER));
        templated.add(new SourceFile("project.vigil", HEADER));
        String routing = routing(services);
        hand.add(new SourceFile("routing.vigil", routing));
        templated.add(new SourceFile("routing.vigil", routing));
        templated.add(new SourceFile("blueprints/" + BLUEPRINT + ".vigil", blueprint()));
        for (ServiceSpec s : services) {
            String file = "services/" + s.name() + ".vigil";
            hand.add(new SourceFile(file, "service " + s.name() + " {\n" + render(s) + "}\n"));
            templated.add(new SourceFile(file, use(s)));
        }
        return new Project(services, hand, templated);
    }

    /** Writes the sources below {@code dir}, for the command-line tools. */
    public static void write(List<SourceFile> sources, Path dir) throws IOException {
        for (SourceFile s : sources) {
            Path target = dir.resolve(s.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, s.text(), StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code ProjectGenerator SERVICES DIR [SEED]}: writes both forms ({@code DIR/handwritten},
     * {@code DIR/templated}) and the plain rule files promtool compares against: {@code DIR/rules/}, the
     * files {@code vigil build} writes, and {@code DIR/lint/}, one group of recording rules and alerts
     * per service, in one file up to 1,000 services ({@link RuleFiles#lintInputs}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ProjectGenerator SERVICES DIR [SEED]");
            System.exit(2);
        }
        Project p = generate(Integer.parseInt(args[0]), args.length == 3 ? Long.parseLong(args[2]) : SEED);
        Path dir = Path.of(args[1]);
        write(p.handWritten(), dir.resolve("handwritten"));
        write(p.templated(), dir.resolve("templated"));
        SortedMap<String, byte[]> rules = RuleFiles.built(p.handWritten());
        List<SourceFile> plain = new ArrayList<>();
        rules.forEach((name, bytes) -> plain.add(new SourceFile(name, new String(bytes, StandardCharsets.UTF_8))));
        write(plain, dir.resolve("rules"));
        write(RuleFiles.lintInputs(rules), dir.resolve("lint"));
    }

    // ------------------------------------------------------------------ sources

    private static final String HEADER = """
            // A generated fleet of HTTP services (dev.vigil.benchmarks.ProjectGenerator).

            severities critical > warning > info

            settings {
              scrape_interval     15s
              evaluation_interval 30s
              prometheus_url      "https://prometheus.example.com"
            }
            """;

    /**
     * One service, written once for both forms. Markers: {@code «p»} is parameter {@code p} where a value
     * stands, {@code «p:q»} inside a query (a percentage is its fraction there), {@code «p:t»} inside a
     * string; {@code «service»} and {@code «Service»} are the service's name and its PascalCase form inside a
     * string; {@code «name:X»} is the declaration name {@code <Service>X} and {@code «group:x»} the group
     * name {@code <service>_x}.
     */
    static final String BODY = """
              team   «team»
              labels { tier = «tier» }
              links {
                runbooks   "https://runbooks.example.com/«service»"
                dashboards "https://grafana.example.com/d"
                repo       "https://git.example.com/«team:t»/«service»"
              }

              metric http_requests_total counter {
                labels [job, instance, route, code]
                help   "HTTP requests served, by route and status code."
              }
              metric http_request_duration_seconds histogram {
                labels  [job, instance, route]
                buckets [0.05, 0.1, 0.25, 0.5, 1, 2.5]
              }
              metric process_cpu_seconds_total counter {
                labels [job, instance]
              }
              metric process_resident_memory_bytes gauge {
                labels [job, instance]
              }
              metric process_start_time_seconds gauge {
                labels [job, instance]
              }
              metric queue_depth gauge {
                labels [job, instance, queue]
                help   "Messages waiting in each work queue."
              }
              metric db_pool_connections_in_use gauge {
                labels [job, instance]
              }
              metric db_pool_connections_max gauge {
                labels [job, instance]
              }

              group «group:recording» every 30s {
                record job:http_requests:rate5m =
                  sum by (job, route) (rate(http_requests_total{job=«job»}[5m]))
                record job:http_errors:rate5m =
                  sum by (job, route) (rate(http_requests_total{job=«job», code=~"5.."}[5m]))
                record job:http_client_errors:rate5m =
                  sum by (job, route) (rate(http_requests_total{job=«job», code=~"4.."}[5m]))
                record job:http_errors:ratio_rate5m =
                  job:http_errors:rate5m{job=«job»} / (job:http_requests:rate5m{job=«job»} > 0)
                record job:http_request_duration_seconds:p99_5m =
                  histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{job=«job»}[5m])))
                record job:queue_depth:max = max by (job, queue) (queue_depth{job=«job»})
                record job:process_cpu_seconds:rate5m =
                  sum by (job, instance) (rate(process_cpu_seconds_total{job=«job»}[5m]))
                record job:process_resident_memory_bytes:max =
                  max by (job, instance) (process_resident_memory_bytes{job=«job»})
                record job:up:avg = avg by (job) (up{job=«job»})
                record job:db_pool_utilisation:ratio =
                  sum by (job) (db_pool_connections_in_use{job=«job»})
                    / (sum by (job) (db_pool_connections_max{job=«job»}) > 0)
              }

              group «group:alerts» every 30s {
                alert «name:HighErrorRate» {
                  when        job:http_errors:ratio_rate5m{job=«job»} > «error_ratio:q»
                  guard       sum(rate(http_requests_total{job=«job»}[5m]))
                  for         «error_for»
                  severity    critical
                  labels      { component = "http" }
                  summary     "{{ $value | humanizePercentage }} of «job:t» requests fail on {{ $labels.route }}"
                  description "The server-error ratio of «job:t» has been above «error_ratio:t» for «error_for:t»."
                  panel       overview.errors
                  runbook {
                    meaning   "Users of «job:t» get server errors on one or more routes."
                    triage    "Check whether one route or all routes fail, and whether a deploy just happened."
                    diagnose  "Error ratio per route" = job:http_errors:ratio_rate5m{job=«job»}
                    remediate "Roll back the last deploy of «job:t»." run "kubectl rollout undo deployment/«job:t»"
                    escalate  "Unresolved after 30 minutes: page the «team:t» lead."
                  }
                }
                alert «name:ClientErrorSpike» {
                  when        sum by (job) (job:http_client_errors:rate5m{job=«job»})
                                / (sum by (job) (job:http_requests:rate5m{job=«job»}) > 0) > 0.25
                  guard       sum(rate(http_requests_total{job=«job»}[5m]))
                  for         15m
                  severity    warning
                  labels      { component = "http" }
                  summary     "{{ $value | humanizePercentage }} of «job:t» requests are rejected as client errors"
                  description "A quarter of the requests to «job:t» fail with a 4xx status: a client or a contract changed."
                  panel       overview.client_errors
                  runbook {
                    meaning   "Callers send requests that «job:t» rejects, often after a client release or an API change."
                    triage    "Find the route and the caller: the access log names both."
                    diagnose  "Client errors per route" = job:http_client_errors:rate5m{job=«job»}
                    remediate "Roll back the change to the contract, or ask the caller to roll back theirs."
                    escalate  "A caller outside «team:t» is affected: tell its team in their channel."
                  }
                }
                alert «name:HighLatency» {
                  when        job:http_request_duration_seconds:p99_5m{job=«job»} > «latency_p99:q»
                  for         10m
                  severity    warning
                  labels      { component = "http" }
                  summary     "p99 latency of «job:t» is {{ $value | humanizeDuration }}"
                  description "The 99th percentile of «job:t» request durations has been above «latency_p99:t»s for 10 minutes."
                  panel       overview.latency
                  runbook {
                    meaning   "The slowest requests of «job:t» take longer than its latency objective allows."
                    triage    "Compare with the median: a slow tail only, or everything slower?"
                    diagnose  "p99 latency" = job:http_request_duration_seconds:p99_5m{job=«job»}
                    diagnose  "Median latency" = histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{job=«job»}[5m])))
                    remediate "Scale out «job:t» if its CPU is saturated; otherwise look at its slowest dependency."
                    escalate  "Latency SLO burning: follow the burn-rate alert's runbook."
                  }
                }
                alert «name:Down» {
                  when        job:up:avg{job=«job»} == 0
                  for         2m
                  severity    critical
                  summary     "«job:t» is down: no instance answers its scrape"
                  description "Prometheus has not scraped any instance of «job:t» for 2 minutes."
                  panel       overview.up
                  runbook {
                    meaning   "No instance of «job:t» is up: its users get errors or time-outs."
                    triage    "Check the deployment's pods and the last rollout."
                    diagnose  "Instances up" = up{job=«job»}
                    remediate "Roll back the last deploy." run "kubectl rollout undo deployment/«job:t»"
                    escalate  "Page the «team:t» on-call at once."
                  }
                }
                alert «name:InstancesDown» {
                  when        job:up:avg{job=«job»} < 0.75
                  for         10m
                  severity    warning
                  summary     "A quarter of the «job:t» instances are down"
                  description "Fewer than 75% of the instances of «job:t» have answered their scrape for 10 minutes."
                  panel       overview.up
                  runbook {
                    meaning   "«job:t» runs with less capacity than planned."
                    triage    "Check for crash loops and evicted pods."
                    diagnose  "Instances up" = up{job=«job»}
                    remediate "Delete the stuck pods; the deployment replaces them." run "kubectl delete pod -l app=«job:t» --field-selector=status.phase!=Running"
                    escalate  "Unresolved after an hour: post in the «team:t» channel."
                  }
                }
                alert «name:HighCpu» {
                  when        job:process_cpu_seconds:rate5m{job=«job»} > «cpu_limit:q»
                  for         15m
                  severity    warning
                  labels      { component = "runtime" }
                  summary     "{{ $labels.instance }} of «job:t» uses {{ $value | humanize }} CPU cores"
                  description "An instance of «job:t» has used more than «cpu_limit:t» cores for 15 minutes, near its limit."
                  panel       overview.cpu
                  runbook {
                    meaning   "An instance of «job:t» is about to be throttled."
                    triage    "One instance or all of them? One hot instance points at an uneven load balancer."
                    diagnose  "CPU per instance" = job:process_cpu_seconds:rate5m{job=«job»}
                    remediate "Scale out." run "kubectl scale deployment/«job:t» --replicas=<n>"
                    escalate  "Still saturated after scaling out: post in the «team:t» channel."
                  }
                }
                alert «name:HighMemory» {
                  when        job:process_resident_memory_bytes:max{job=«job»} > «memory_limit:q»
                  for         15m
                  severity    warning
                  labels      { component = "runtime" }
                  summary     "{{ $labels.instance }} of «job:t» uses {{ $value | humanize1024 }}B of memory"
                  description "An instance of «job:t» has used more than «memory_limit:t» bytes for 15 minutes."
                  panel       overview.memory
                  runbook {
                    meaning   "An instance of «job:t» may soon be killed for running out of memory."
                    triage    "Does memory grow steadily (a leak) or with the load?"
                    diagnose  "Memory per instance" = job:process_resident_memory_bytes:max{job=«job»}
                    remediate "Restart the instance to buy time, then find the leak." run "kubectl rollout restart deployment/«job:t»"
                    escalate  "Restarts every day: open an incident with «team:t»."
                  }
                }
                alert «name:QueueBacklog» {
                  when        job:queue_depth:max{job=«job»} > «queue_max:q»
                  for         10m
                  severity    warning
                  labels      { component = "queue" }
                  summary     "{{ $value | humanize }} messages wait in the {{ $labels.queue }} queue of «job:t»"
                  description "More than «queue_max:t» messages have waited in a queue of «job:t» for 10 minutes."
                  panel       overview.queue
                  runbook {
                    meaning   "«job:t» consumes more slowly than its producers publish."
                    triage    "Is the consumer stuck, or did the publish rate jump?"
                    diagnose  "Queue depth" = job:queue_depth:max{job=«job»}
                    remediate "Add consumers, or pause the producer that floods the queue."
                    escalate  "Backlog still growing after an hour: page the «team:t» on-call."
                  }
                }
                alert «name:DbPoolSaturated» {
                  when        job:db_pool_utilisation:ratio{job=«job»} > «db_saturation:q»
                  for         10m
                  severity    warning
                  labels      { component = "database" }
                  summary     "The database pool of «job:t» is {{ $value | humanizePercentage }} used"
                  description "More than «db_saturation:t» of the database connections of «job:t» have been in use for 10 minutes."
                  panel       overview.db_pool
                  runbook {
                    meaning   "Requests of «job:t» will soon wait for a database connection."
                    triage    "Look for slow queries and for connections held across remote calls."
                    diagnose  "Pool utilisation" = job:db_pool_utilisation:ratio{job=«job»}
                    remediate "Raise the pool size if the database has headroom; otherwise shed load."
                    escalate  "The database itself is saturated: page the data platform on-call."
                  }
                }
                alert «name:FrequentRestarts» {
                  when        changes(process_start_time_seconds{job=«job»}[30m]) > 2
                  for         5m
                  severity    warning
                  labels      { component = "runtime" }
                  summary     "{{ $labels.instance }} of «job:t» restarted {{ $value }} times in 30 minutes"
                  description "An instance of «job:t» keeps restarting: a crash loop or a failing liveness probe."
                  panel       overview.restarts
                  runbook {
                    meaning   "An instance of «job:t» crashes or is killed again and again."
                    triage    "Read the last logs of the previous container: a panic, an out-of-memory kill, a failed probe?"
                    diagnose  "Restarts per instance" = changes(process_start_time_seconds{job=«job»}[30m])
                    remediate "Roll back if the restarts began with a deploy." run "kubectl rollout undo deployment/«job:t»"
                    escalate  "Unresolved after an hour: post in the «team:t» channel."
                  }
                }
              }

              slo availability {
                objective   «availability»
                window      30d
                description "Requests to «job:t» that do not fail with a server error."
                sli events {
                  errors = http_requests_total{job=«job», code=~"5.."}
                  total  = http_requests_total{job=«job»}
                }
                alerting {
                  page     critical
                  ticket   warning
                  min_rate 1
                }
              }
              slo latency {
                objective   «latency_objective»
                window      30d
                description "Requests to «job:t» answered within «latency_threshold:t»."
                sli latency {
                  histogram = http_request_duration_seconds{job=«job»}
                  threshold «latency_threshold»
                }
                alerting { page critical ticket warning }
              }

              dashboard overview "«job:t» overview" {
                tags    [«team», "http"]
                refresh 1m
                time    6h
                variable instance = label_values(up{job=«job»}, instance) { multi true include_all true }

                row "Traffic" {
                  timeseries requests "Requests" {
                    query  sum by (route) (job:http_requests:rate5m{job=«job»})
                    legend "{{route}}"
                    unit   "reqps"
                  }
                  timeseries errors "Server-error ratio" {
                    query  job:http_errors:ratio_rate5m{job=«job»}
                    legend "{{route}}"
                    unit   "percentunit"
                    thresholds { green 0, red «error_ratio» }
                  }
                  timeseries client_errors "Client errors" {
                    query  sum by (route) (job:http_client_errors:rate5m{job=«job»})
                    legend "{{route}}"
                    unit   "reqps"
                  }
                  timeseries latency "Latency" {
                    query  job:http_request_duration_seconds:p99_5m{job=«job»}
                    legend "p99"
                    query  histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{job=«job»}[$__rate_interval])))
                    legend "p50"
                    unit   "s"
                    thresholds { green 0, red «latency_p99» }
                  }
                }
                row "Saturation" {
                  timeseries cpu "CPU" {
                    query  job:process_cpu_seconds:rate5m{job=«job», instance=~"$instance"}
                    legend "{{instance}}"
                    unit   "short"
                    thresholds { green 0, red «cpu_limit» }
                  }
                  timeseries memory "Memory" {
                    query  job:process_resident_memory_bytes:max{job=«job», instance=~"$instance"}
                    legend "{{instance}}"
                    unit   "bytes"
                  }
                  gauge db_pool "Database pool" {
                    query job:db_pool_utilisation:ratio{job=«job»}
                    unit  "percentunit"
                    min   0
                    max   1
                    thresholds { green 0, yellow 0.6, red 0.8 }
                  }
                  timeseries queue "Queue depth" {
                    query  job:queue_depth:max{job=«job»}
                    legend "{{queue}}"
                    thresholds { green 0, red «queue_max» }
                  }
                }
                row "Availability" {
                  stat up "Instances up" {
                    query sum(up{job=«job»})
                    thresholds { red 0, green 1 }
                  }
                  stat up_ratio "Share of instances up" {
                    query job:up:avg{job=«job»}
                    unit  "percentunit"
                    thresholds { red 0, yellow 0.75, green 1 }
                  }
                  timeseries restarts "Restarts" {
                    query  changes(process_start_time_seconds{job=«job», instance=~"$instance"}[30m])
                    legend "{{instance}}"
                  }
                  text notes "About" {
                    text "«job:t» is owned by «team:t». Runbooks: https://runbooks.example.com/«service»."
                  }
                }
              }
            """;

    private static final Pattern MARKER = Pattern.compile("«([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?»");

    /** The blueprint: every marker as its parameter reference. */
    static String blueprint() {
        StringBuilder sb = new StringBuilder("// Everything an HTTP service of the fleet is monitored with.\nblueprint ")
                .append(BLUEPRINT).append("(\n");
        for (Param p : Param.values()) {
            sb.append("  ").append(p.key).append(' ').append(p.type.keyword);
            if (p.defaultText != null) {
                sb.append(" = ").append(value(p, p.defaultText));
            }
            sb.append(",\n");
        }
        sb.append(") {\n");
        sb.append(substitute(BODY, m -> switch (m.group(1)) {
            case "service" -> "${service}";
            case "Service" -> "${service|pascal}";
            case "name" -> "\"${service|pascal}" + m.group(2) + "\"";
            case "group" -> "\"${service}_" + m.group(2) + "\"";
            default -> "t".equals(m.group(2)) ? "${" + Param.of(m.group(1)).key + "}" : "$" + Param.of(m.group(1)).key;
        }));
        return sb.append("}\n").toString();
    }

    /** A service written out by hand: every marker as the service's value. */
    static String render(ServiceSpec s) {
        return substitute(BODY, m -> switch (m.group(1)) {
            case "service" -> s.name();
            case "Service" -> s.pascal();
            case "name" -> s.pascal() + m.group(2);
            case "group" -> s.name() + "_" + m.group(2);
            default -> {
                Param p = Param.of(m.group(1));
                String text = s.values().get(p);
                if ("t".equals(m.group(2))) {
                    yield text;
                }
                yield "q".equals(m.group(2)) && p.type == Type.PERCENTAGE ? fraction(text) : value(p, text);
            }
        });
    }

    /** A service of the templated form: the blueprint used with the arguments that differ from its defaults. */
    static String use(ServiceSpec s) {
        StringBuilder sb = new StringBuilder("service ").append(s.name()).append(" {\n  use ").append(BLUEPRINT).append("(\n");
        int width = 0;
        for (Param p : Param.values()) {
            width = Math.max(width, p.key.length());
        }
        for (Map.Entry<Param, String> e : s.values().entrySet()) {
            if (!e.getValue().equals(e.getKey().defaultText)) {
                sb.append("    ").append(String.format(Locale.ROOT, "%-" + width + "s", e.getKey().key)).append(" = ")
                        .append(value(e.getKey(), e.getValue())).append(",\n");
            }
        }
        return sb.append("  )\n}\n").toString();
    }

    private static String value(Param p, String text) {
        return p.type == Type.STRING ? "\"" + text + "\"" : text;
    }

    /** `80%` in a query is 0.8. */
    private static String fraction(String percent) {
        return new BigDecimal(percent.substring(0, percent.length() - 1)).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String substitute(String text, Replacement replacement) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Project-wide routing, the same in both forms: a pager and a channel per team, routes by team and
     * severity, and per service an inhibition of the symptoms while the service is down. Each team has a
     * routing test.
     */
    static String routing(List<ServiceSpec> services) {
        Map<String, List<ServiceSpec>> byTeam = new TreeMap<>();
        services.forEach(s -> byTeam.computeIfAbsent(s.team(), k -> new ArrayList<>()).add(s));
        StringBuilder sb = new StringBuilder("routing {\n");
        for (String team : byTeam.keySet()) {
            sb.append(String.format(Locale.ROOT, """
                      receiver %1$s_pager pagerduty { routing_key_file "/etc/alertmanager/secrets/%1$s-pagerduty" }
                      receiver %1$s_slack slack {
                        channel       "#%2$s-alerts"
                        api_url_file  "/etc/alertmanager/secrets/slack-api-url"
                        send_resolved true
                      }
                    """, team, team.replace('_', '-')));
        }
        sb.append("""
                  receiver fallback slack {
                    channel      "#alerts-unrouted"
                    api_url_file "/etc/alertmanager/secrets/slack-api-url"
                  }

                """);
        for (String team : byTeam.keySet()) {
            sb.append(String.format(Locale.ROOT, """
                      route team = "%1$s", severity >= critical to %1$s_pager {
                        group_by   [alertname, job]
                        group_wait 10s
                        continue
                      }
                      route team = "%1$s" to %1$s_slack {
                        group_by        [alertname, job]
                        repeat_interval 4h
                      }
                    """, team));
        }
        sb.append("  route default to fallback\n\n");
        for (ServiceSpec s : services) {
            sb.append(String.format(Locale.ROOT, "  inhibit %1$sHighLatency while %1$sDown on [job]\n", s.pascal()));
        }
        for (Map.Entry<String, List<ServiceSpec>> e : byTeam.entrySet()) {
            String first = e.getValue().get(0).pascal();
            sb.append(String.format(Locale.ROOT, """

                      test "%1$s: pages go to the pager and the channel, warnings to the channel" {
                        alert %2$sDown expect %1$s_pager, %1$s_slack
                        alert %2$sHighCpu expect %1$s_slack
                        alert %2$sHighLatency while alert %2$sDown expect inhibited
                      }
                    """, e.getKey(), first));
        }
        return sb.append("}\n").toString();
    }
}
