# CloudFront in front of both regional ALBs. Cacheable reads go to an origin group that fails over
# from us-east to us-west on 5xx or a connection failure; writes (/api/*) cannot use an origin group
# (CloudFront refuses POST/PUT/PATCH/DELETE on a behavior whose target is an origin group) and go to
# us-east, with Route 53 and Cloudflare covering a regional outage for them.

locals {
  alb_origins = {
    "alb-east" = { domain = var.alb_east_dns_name, shield_region = "us-east-1" }
    "alb-west" = { domain = var.alb_west_dns_name, shield_region = "us-west-2" }
  }
  all_methods    = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
  cached_methods = ["GET", "HEAD"]
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_cache_policy" "gateway" {
  name        = "gateway-default"
  comment     = "Cache GET/HEAD by path and query string; no cookies or headers in the key"
  default_ttl = 60
  max_ttl     = 86400
  min_ttl     = 0
  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true
    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

resource "aws_cloudfront_distribution" "gateway" {
  enabled         = true
  is_ipv6_enabled = true
  comment         = "Gateway, secondary CDN behind Route 53 failover"
  aliases         = [var.hostname]
  price_class     = var.price_class
  http_version    = "http2and3"

  dynamic "origin" {
    for_each = local.alb_origins
    content {
      origin_id           = origin.key
      domain_name         = origin.value.domain
      connection_attempts = 2
      connection_timeout  = 5
      custom_origin_config {
        http_port                = 80
        https_port               = 443
        origin_protocol_policy   = "https-only"
        origin_ssl_protocols     = ["TLSv1.2"]
        origin_read_timeout      = 15
        origin_keepalive_timeout = 5
      }
      origin_shield {
        enabled              = true
        origin_shield_region = origin.value.shield_region
      }
    }
  }

  origin_group {
    origin_id = "alb-failover"
    failover_criteria {
      status_codes = [500, 502, 503, 504]
    }
    member {
      origin_id = "alb-east"
    }
    member {
      origin_id = "alb-west"
    }
  }

  default_cache_behavior {
    target_origin_id       = "alb-failover"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD", "OPTIONS"]
    cached_methods         = local.cached_methods
    cache_policy_id        = aws_cloudfront_cache_policy.gateway.id
    compress               = true
  }

  ordered_cache_behavior {
    path_pattern             = "/api/*"
    target_origin_id         = "alb-east"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = local.all_methods
    cached_methods           = local.cached_methods
    cache_policy_id          = data.aws_cloudfront_cache_policy.caching_disabled.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    compress                 = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.acm_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
