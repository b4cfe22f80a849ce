package com.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TANDEM_OIDC_GROUP_MAP and the claims a person is read from (PRODUCT.md §9). */
class GroupMappingTest {

  private final GroupMapping mapping =
      GroupMapping.parse(
          "Marketing-Leads=marketing-leadership, CIO-Office=it-leadership,"
              + "8f1c2b7e-0000-4c1a-9a2e-5d6f7a8b9c0d=privacy-legal,Admins=camunda-admin");

  @Test
  void shouldMapTheProvidersGroupsAndIgnoreTheCompanysOthers() {
    assertThat(mapping.tandemGroups(List.of("Marketing-Leads", "All-Staff", "CIO-Office")))
        .containsExactly("marketing-leadership", "it-leadership");
  }

  @Test
  void shouldTakeATandemGroupIdAsItselfAndKeycloakGroupPathsByTheirLastPart() {
    assertThat(mapping.tandemGroups(List.of("board", "/company/marketing")))
        .containsExactly("board", "marketing");
  }

  @Test
  void shouldMapEntraIdGroupObjectIdsAndASingleValuedClaim() {
    assertThat(mapping.tandemGroups("8f1c2b7e-0000-4c1a-9a2e-5d6f7a8b9c0d"))
        .containsExactly("privacy-legal");
    assertThat(mapping.tandemGroups(null)).isEmpty();
  }

  @Test
  void shouldRefuseAMappingToNoTandemGroupAtStart() {
    assertThatThrownBy(() -> GroupMapping.parse("Marketing-Leads=marketing-leads"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Marketing-Leads=marketing-leads");
    assertThatThrownBy(() -> GroupMapping.parse("no-equals-sign"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadNamesAndAddressFromTheClaimsAndRefuseAnUnusableUserId() {
    PersonClaims claims =
        new PersonClaims(
            new OidcProperties(
                "https://id.example",
                "tandem",
                "s",
                null,
                "groups",
                "",
                "preferred_username",
                List.of("openid")),
            mapping);

    Person jane =
        claims
            .person(
                Map.of(
                    "preferred_username", "jane.doe@company.example",
                    "name", "Jane van Doe",
                    "email", "jane.doe@company.example",
                    "groups", List.of("Admins")))
            .orElseThrow();
    assertThat(jane.userId()).isEqualTo("jane.doe@company.example");
    assertThat(jane.firstName()).isEqualTo("Jane van");
    assertThat(jane.lastName()).isEqualTo("Doe");
    assertThat(jane.email()).isEqualTo("jane.doe@company.example");
    assertThat(jane.groups()).containsExactly("camunda-admin");

    assertThat(claims.person(Map.of("preferred_username", "jane doe"))).isEmpty();
    assertThat(claims.person(Map.of("sub", "abc"))).isEmpty();
  }
}
