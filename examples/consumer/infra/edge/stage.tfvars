# Variables of Summit Ops's edge Terraform (infra/cloudflare and infra/aws in Summit Ops) for the
# stage environment. Placeholders throughout: example.com names, zero ids. After `terraform apply`,
# its outputs (load_balancer_id, pool_ids, health_check_ids) become the variables of the GitHub
# environment `stage` that failover-drill.yml reads (see README.md).

# Both modules
alb_east_dns_name = "checkout-east-0000000000.us-east-1.elb.amazonaws.com"
alb_west_dns_name = "checkout-west-0000000000.us-west-2.elb.amazonaws.com"
health_path       = "/healthz"

# infra/cloudflare
account_id         = "00000000000000000000000000000000"
zone_id            = "00000000000000000000000000000000"
lb_hostname        = "cf.stage.example.com"
origin_host_header = "stage.example.com"

# Worst case between the regions behind Cloudflare:
# interval x consecutive_down + timeout x (retries + 1) + 5 s propagation = 10 x 2 + 3 x 2 + 5 = 31 s
monitor_interval         = 10
monitor_timeout          = 3
monitor_retries          = 1
monitor_consecutive_down = 2

# infra/aws
hostname            = "stage.example.com"
route53_zone_id     = "Z000000000000000000"
cloudflare_target   = "cf.stage.example.com"
acm_certificate_arn = "arn:aws:acm:us-east-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"

# Worst case between the CDNs (the drill's 60 s budget):
# health_check_interval x failure_threshold + 6 s check timeout + 5 s propagation + dns_ttl
# = 10 x 2 + 6 + 5 + 15 = 46 s
health_check_interval          = 10
health_check_failure_threshold = 2
dns_ttl                        = 15
