# The layer that steers between the two CDNs: a failover pair of records for hostname, Cloudflare
# primary and CloudFront secondary, each with its own HTTPS health check. The failover drill takes a
# CDN out by inverting its health check (Route 53 then treats it as down) and restores the original
# setting afterwards.

resource "aws_route53_health_check" "cdn" {
  for_each = {
    cloudflare = var.cloudflare_target
    cloudfront = aws_cloudfront_distribution.gateway.domain_name
  }
  type              = "HTTPS"
  fqdn              = each.value
  port              = 443
  resource_path     = var.health_path
  request_interval  = var.health_check_interval
  failure_threshold = var.health_check_failure_threshold
  enable_sni        = true
  measure_latency   = true
  tags = {
    Name = "edge-${each.key}"
  }
}

resource "aws_route53_record" "primary" {
  zone_id         = var.route53_zone_id
  name            = var.hostname
  type            = "CNAME"
  ttl             = var.dns_ttl
  records         = [var.cloudflare_target]
  set_identifier  = "cloudflare"
  health_check_id = aws_route53_health_check.cdn["cloudflare"].id
  failover_routing_policy {
    type = "PRIMARY"
  }
}

resource "aws_route53_record" "secondary" {
  zone_id         = var.route53_zone_id
  name            = var.hostname
  type            = "CNAME"
  ttl             = var.dns_ttl
  records         = [aws_cloudfront_distribution.gateway.domain_name]
  set_identifier  = "cloudfront"
  health_check_id = aws_route53_health_check.cdn["cloudfront"].id
  failover_routing_policy {
    type = "SECONDARY"
  }
}
