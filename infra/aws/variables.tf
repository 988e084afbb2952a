variable "hostname" {
  description = "Public hostname users resolve, e.g. www.example.com (a CNAME, so not the zone apex). Route 53 answers it with Cloudflare (primary) or CloudFront (secondary)."
  type        = string
}

variable "route53_zone_id" {
  description = "Id of the Route 53 hosted zone that holds hostname."
  type        = string
}

variable "cloudflare_target" {
  description = "Hostname of the Cloudflare load balancer (infra/cloudflare lb_hostname), the primary answer."
  type        = string
}

variable "alb_east_dns_name" {
  description = "DNS name of the us-east-1 Application Load Balancer."
  type        = string
}

variable "alb_west_dns_name" {
  description = "DNS name of the us-west-2 Application Load Balancer."
  type        = string
}

variable "acm_certificate_arn" {
  description = "ARN of an ACM certificate in us-east-1 covering hostname (CloudFront only accepts certificates from us-east-1)."
  type        = string
}

variable "health_path" {
  description = "Path the Route 53 health checks probe on each CDN; it must reach an origin (not be answered from cache)."
  type        = string
  default     = "/healthz"
}

# Worst-case switch between the CDNs is request_interval * failure_threshold + checker timeout
# + propagation + dns_ttl; infra/test checks it against the 60 s budget.
variable "health_check_interval" {
  description = "Seconds between Route 53 health checks: 10 (fast, billed extra) or 30."
  type        = number
  default     = 10
}

variable "health_check_failure_threshold" {
  description = "Failed checks in a row before Route 53 marks a CDN unhealthy (1-10)."
  type        = number
  default     = 2
}

variable "dns_ttl" {
  description = "TTL of the failover records in seconds; clients keep the old answer this long after a switch."
  type        = number
  default     = 15
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}
