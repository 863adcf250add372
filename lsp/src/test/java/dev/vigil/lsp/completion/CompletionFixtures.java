package dev.vigil.lsp.completion;

/** A project for the editing features' tests: a file on disk that the edited file's names come from. */
final class CompletionFixtures {
    static final String COMMON = """
            severities critical > warning > info

            const threshold = 0.05

            service shop {
              const error_budget = 0.01
              metric http_requests_total counter {
                labels [code, job, method]
                help   "Requests served."
              }
              metric request_duration_seconds histogram {
                labels [job, route]
              }
              group api {
                record job:http_errors:rate5m = sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
                alert HighErrorRate {
                  when job:http_errors:rate5m > $threshold
                  for 5m
                  severity warning
                  summary "Errors."
                  panel shop_overview.errors
                }
              }
              dashboard shop_overview "Shop" {
                row "Traffic" {
                  timeseries errors "Errors" {
                    query sum(rate(http_requests_total[5m]))
                  }
                }
              }
            }

            routing {
              receiver pager webhook { url "https://pager.example.com/hook" }
              receiver chat slack {
                channel      "#shop"
                api_url_file "/etc/alertmanager/slack"
              }
              time_interval nights { times ["22:00-24:00"] }
              route default to pager { group_by [alertname] }
            }

            template rules slow_requests(job string, limit duration = 1s) {
              alert "${job}Slow" {
                when histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket{job=$job}[5m]))) > 1
                severity info
              }
            }
            """;

    private CompletionFixtures() {
    }
}
