terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

# Credentials come from the environment (OIDC role in CI, a profile locally), never from variables.
# CloudFront, its ACM certificate and Route 53 are global services managed through us-east-1.
provider "aws" {
  region = "us-east-1"
}
