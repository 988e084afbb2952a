output "distribution_id" {
  description = "CloudFront distribution id."
  value       = aws_cloudfront_distribution.gateway.id
}

output "distribution_domain_name" {
  description = "CloudFront hostname (the secondary failover answer)."
  value       = aws_cloudfront_distribution.gateway.domain_name
}

output "health_check_ids" {
  description = "Route 53 health check id per CDN (failover-drill inputs cloudflare-health-check-id and cloudfront-health-check-id)."
  value       = { for name, check in aws_route53_health_check.cdn : name => check.id }
}

output "record_set_identifiers" {
  description = "Set identifiers of the failover records for hostname."
  value       = { primary = aws_route53_record.primary.set_identifier, secondary = aws_route53_record.secondary.set_identifier }
}
