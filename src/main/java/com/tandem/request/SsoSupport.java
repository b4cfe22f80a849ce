package com.tandem.request;

/** How a tool signs users in. */
public enum SsoSupport {
  SAML,
  OIDC,
  NONE
}
