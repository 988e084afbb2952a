variable "account_id" {
  description = "Cloudflare account id that owns the load-balancer pools and monitor (provider v5 requires it on both)."
  type        = string
}

variable "zone_id" {
  description = "Cloudflare zone id of the zone that serves the load-balanced hostname."
  type        = string
}

variable "lb_hostname" {
  description = "Hostname of the Cloudflare load balancer, e.g. cf.example.com. Route 53's primary failover record points at it."
  type        = string
}

variable "origin_host_header" {
  description = "Host header sent to the ALBs by the monitor and the pools (the application's public hostname, e.g. www.example.com)."
  type        = string
}

variable "alb_east_dns_name" {
  description = "DNS name of the us-east-1 Application Load Balancer (origin of pool us-east)."
  type        = string
}

variable "alb_west_dns_name" {
  description = "DNS name of the us-west-2 Application Load Balancer (origin of pool us-west)."
  type        = string
}

variable "health_path" {
  description = "Path the monitor probes on each ALB; it must answer 200 only when the region can serve."
  type        = string
  default     = "/healthz"
}

# The failover budget is 60 s end to end. Worst-case detection by this monitor is
# interval * consecutive_down + timeout * (retries + 1) + propagation; infra/test checks it.
variable "monitor_interval" {
  description = "Seconds between monitor probes from each region (Cloudflare's default of 60 cannot meet a 60 s failover)."
  type        = number
  default     = 10
}

variable "monitor_timeout" {
  description = "Seconds a probe waits for an answer."
  type        = number
  default     = 3
}

variable "monitor_retries" {
  description = "Immediate retries of a failed probe before it counts as a failure."
  type        = number
  default     = 1
}

variable "monitor_consecutive_down" {
  description = "Failed probes in a row before an origin is marked unhealthy."
  type        = number
  default     = 2
}

variable "waf_enforce" {
  description = "false (default): the bot rule only logs, so false positives can be reviewed first; true: it blocks."
  type        = bool
  default     = false
}

variable "waf_bot_score_threshold" {
  description = "Requests whose bot score is below this are logged (or blocked when waf_enforce is true). 1 = certainly automated, 99 = certainly human."
  type        = number
  default     = 30
}

variable "partner_allowlist_cidrs" {
  description = "Partner source ranges the bot rule never acts on (IPv4/IPv6 CIDRs)."
  type        = list(string)
  default     = []
}
