package com.tandem.board;

import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.util.Locale;

/** The codes of requests and decisions as the board reads them. */
final class Words {

  private Words() {}

  static String stage(String stage) {
    return switch (stage == null ? "" : stage) {
      case "INVENTORY" -> "Requester, on the tools we own";
      case "MARKETING_REVIEW" -> "Marketing review";
      case "IT_REVIEW" -> "IT review";
      case "PRIVACY_REVIEW" -> "Privacy review";
      case "REVISION" -> "Requester, on the reviewers' questions";
      case "BUDGET_PROPOSAL" -> "Joint budget proposal (marketing leadership)";
      case "BUDGET_COSIGN" -> "Co-signature of the proposal (IT leadership)";
      case "BOARD" -> "Board";
      case "OWNER_ASSIGNMENT" -> "Owner assigned (marketing leadership)";
      case "SHADOW_IT_DECISION" -> "Decision on the tool in use (IT leadership)";
      case "WITHDRAWAL" -> "Withdrawal";
      default -> sentence(stage);
    };
  }

  static String decision(String decision, String currency) {
    if (decision == null) {
      return "—";
    }
    if (decision.startsWith("PROPOSED ")) {
      return "Proposed raising the budget by "
          + BoardPackets.money(new BigDecimal(decision.substring(9)), currency);
    }
    return switch (decision) {
      case "APPROVE" -> "Approved";
      case "REJECT" -> "Rejected";
      case "REQUEST_CHANGES" -> "Asked for changes";
      case "DEFER" -> "Deferred to the next board cycle";
      case "NEW_TOOL_NEEDED" -> "Needs a new tool: none we own fits";
      case "USE_EXISTING_TOOL" -> "Will use a tool we own";
      case "RESUBMIT" -> "Resubmitted with changes";
      case "WITHDRAW" -> "Withdrew the request";
      default -> sentence(decision);
    };
  }

  /** A leadership's decision at a tool's renewal (PRODUCT.md §7). */
  static String renewalDecision(String decision) {
    return switch (decision) {
      case "RENEW" -> "Renew as today";
      case "RENEW_CHANGED" -> "Renew with a changed number of seats";
      case "APPROVE" -> "Approved the renewal";
      case "RETIRE" -> "Retire the tool";
      default -> sentence(decision);
    };
  }

  static String personalData(String code) {
    return switch (code) {
      case "NONE" -> "No personal data";
      case "PSEUDONYMOUS" -> "Pseudonymous data only";
      case "PERSONAL" -> "Personal data";
      case "SENSITIVE" -> "Sensitive personal data";
      default -> sentence(code);
    };
  }

  static String sso(String code) {
    return switch (code) {
      case "SAML" -> "Single sign-on with SAML";
      case "OIDC" -> "Single sign-on with OpenID Connect";
      case "NONE" -> "No single sign-on";
      default -> sentence(code);
    };
  }

  static String line(String owner) {
    return switch (owner) {
      case "MARKETING" -> "Marketing (the licence)";
      case "IT" -> "IT (the implementation)";
      default -> sentence(owner);
    };
  }

  static String status(RequestStatus status) {
    if (status == null) {
      return "unknown";
    }
    return switch (status) {
      case AWAITING_REQUESTER -> "Waiting for the requester";
      case BUDGET_PROPOSAL -> "Budget proposal";
      default -> sentence(status.name());
    };
  }

  /** CHANGES_REQUESTED → "Changes requested". */
  static String sentence(String code) {
    if (code == null || code.isEmpty()) {
      return "—";
    }
    String words = code.toLowerCase(Locale.ENGLISH).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
