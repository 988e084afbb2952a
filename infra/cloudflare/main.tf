# Health-based steering between the two regional ALBs. Route 53 (infra/aws/route53.tf) steers
# between this load balancer and CloudFront; this layer steers between the regions behind it.

resource "cloudflare_load_balancer_monitor" "https" {
  account_id       = var.account_id
  type             = "https"
  method           = "GET"
  path             = var.health_path
  expected_codes   = "200"
  interval         = var.monitor_interval
  timeout          = var.monitor_timeout
  retries          = var.monitor_retries
  consecutive_down = var.monitor_consecutive_down
  consecutive_up   = 2
  follow_redirects = false
  allow_insecure   = false
  description      = "ALB health for edge failover"
  header = {
    Host = [var.origin_host_header]
  }
}

resource "cloudflare_load_balancer_pool" "us_east" {
  account_id      = var.account_id
  name            = "us-east"
  description     = "ALB in us-east-1"
  enabled         = true
  minimum_origins = 1
  monitor         = cloudflare_load_balancer_monitor.https.id
  check_regions   = ["ENAM"]
  origins = [{
    name    = "alb-east"
    address = var.alb_east_dns_name
    enabled = true
    weight  = 1
    header  = { host = [var.origin_host_header] }
  }]
}

resource "cloudflare_load_balancer_pool" "us_west" {
  account_id      = var.account_id
  name            = "us-west"
  description     = "ALB in us-west-2"
  enabled         = true
  minimum_origins = 1
  monitor         = cloudflare_load_balancer_monitor.https.id
  check_regions   = ["WNAM"]
  origins = [{
    name    = "alb-west"
    address = var.alb_west_dns_name
    enabled = true
    weight  = 1
    header  = { host = [var.origin_host_header] }
  }]
}

resource "cloudflare_load_balancer" "gateway" {
  zone_id          = var.zone_id
  name             = var.lb_hostname
  description      = "Gateway across us-east and us-west"
  proxied          = true
  enabled          = true
  steering_policy  = "random"
  session_affinity = "none"
  default_pools    = [cloudflare_load_balancer_pool.us_east.id, cloudflare_load_balancer_pool.us_west.id]
  fallback_pool    = cloudflare_load_balancer_pool.us_west.id
}
