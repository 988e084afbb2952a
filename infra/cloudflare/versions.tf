terraform {
  required_version = ">= 1.6"
  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }
}

# The token comes from the CLOUDFLARE_API_TOKEN environment variable (a CI secret); it is never a
# Terraform variable, so it cannot land in a plan file or the state.
provider "cloudflare" {}
