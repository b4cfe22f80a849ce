package com.tandem.identity;

import com.tandem.web.ApiCaller;
import java.util.List;

/**
 * Who a token says someone is: the Tandem (Camunda) user id, the name that screens show, the
 * address that mails go to, and the Tandem groups the groups claim maps to.
 */
record Person(String userId, String firstName, String lastName, String email, List<String> groups) {

  ApiCaller asCaller() {
    return new ApiCaller(userId, groups);
  }
}
