package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.BUSINESS_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.CAPABILITIES;
import static com.tandem.process.PurchaseProcess.CONTRACT_TERM_MONTHS;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.DATA_EXPORT_SUPPORTED;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.INTEGRATIONS;
import static com.tandem.process.PurchaseProcess.NEEDED_BY;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.SEATS;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.PurchaseProcess.VENDOR_URL;

import com.tandem.request.PersonalData;
import com.tandem.request.SsoSupport;
import com.tandem.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An intake, field names as PRODUCT.md §4: the body of {@code POST /api/purchase-requests} (read
 * strictly, {@link StrictJson}), and what the Tasklist start form, the engine REST start and the
 * revise task are converted into ({@link IntakeForm}). Its annotations are the one source of the
 * intake's rules, for every entry point; the custom constraints ({@link KnownCapabilities}, {@link
 * BudgetCurrency}, {@link NeededBy}, {@link MaxAmount}, {@link WebAddress}) carry what depends on
 * the taxonomy, the configuration or the clock.
 */
@Schema(description = "A martech purchase request as an intake form submits it")
@KnownCapabilities
public record PurchaseRequestSubmission(
    @Schema(example = "Eventful", maxLength = MAX_NAME)
        @NotBlank(message = "is required")
        @Size(max = MAX_NAME, message = "must be at most {max} characters")
        @Pattern(regexp = ONE_LINE, message = "must not contain control characters or line breaks")
        String toolName,
    @Schema(example = "Eventful Inc.", maxLength = MAX_NAME)
        @NotBlank(message = "is required")
        @Size(max = MAX_NAME, message = "must be at most {max} characters")
        @Pattern(regexp = ONE_LINE, message = "must not contain control characters or line breaks")
        String vendor,
    @Schema(example = "https://eventful.example", maxLength = MAX_URL, nullable = true)
        @Size(max = MAX_URL, message = "must be at most {max} characters")
        @Pattern(regexp = ONE_LINE, message = "must not contain control characters or line breaks")
        @WebAddress
        String vendorUrl,
    @Schema(
            description = "capability codes of GET /api/capabilities",
            example = "[\"event-management\"]")
        @NotEmpty(message = "must name at least one capability")
        @Size(max = MAX_CODES, message = "must name at most {max} capabilities")
        List<
                @NotBlank(message = "must be a capability code")
                @Pattern(
                    regexp = CODE,
                    message = "must be a capability code such as email-marketing")
                String>
            capabilities,
    @Schema(example = "Run our webinar programme in-house.", maxLength = MAX_TEXT)
        @NotBlank(message = "is required")
        @Size(max = MAX_TEXT, message = "must be at most {max} characters")
        @Pattern(regexp = TEXT, message = "must not contain control characters")
        String businessJustification,
    @Schema(description = "first-year licence cost, a decimal number", example = "12000.00")
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must not be negative")
        @Digits(
            integer = 12,
            fraction = 2,
            message = "must be an amount with at most two decimals, such as 12000.00")
        @MaxAmount
        BigDecimal annualLicenseCost,
    @Schema(description = "one-off implementation cost, a decimal number", example = "3000.00")
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must not be negative")
        @Digits(
            integer = 12,
            fraction = 2,
            message = "must be an amount with at most two decimals, such as 3000.00")
        @MaxAmount
        BigDecimal implementationCost,
    @Schema(description = "ISO 4217; must be the currency Tandem keeps budgets in", example = "USD")
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a currency code such as USD")
        @BudgetCurrency
        String currency,
    @Schema(example = "5", minimum = "1", maximum = "" + MAX_SEATS)
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be between 1 and " + MAX_SEATS)
        @Max(value = MAX_SEATS, message = "must be between 1 and " + MAX_SEATS)
        Integer seats,
    @Schema(example = "12", minimum = "1", maximum = "" + MAX_TERM_MONTHS)
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be between 1 and " + MAX_TERM_MONTHS)
        @Max(value = MAX_TERM_MONTHS, message = "must be between 1 and " + MAX_TERM_MONTHS)
        Integer contractTermMonths,
    @Schema(
            description = "yyyy-MM-dd, not in the past, within 5 years",
            example = "2027-02-01",
            format = "date")
        @NotNull(message = "is required")
        @NeededBy
        String neededBy,
    @Schema(example = "NONE") @NotNull(message = "is required") PersonalData personalData,
    @Schema(example = "SAML") @NotNull(message = "is required") SsoSupport sso,
    @Schema(
            description = "capability codes of systems it integrates with; may be empty",
            example = "[\"crm\"]")
        @Size(max = MAX_CODES, message = "must name at most {max} capabilities")
        List<
                @NotBlank(message = "must be a capability code")
                @Pattern(regexp = CODE, message = "must be a capability code such as crm") String>
            integrations,
    @Schema(example = "true") @NotNull(message = "is required (true or false)")
        Boolean dataExportSupported)
    implements StrictJson {

  static final int MAX_NAME = 200;
  static final int MAX_URL = 500;
  static final int MAX_TEXT = 4000;
  static final int MAX_SEATS = 100_000;
  static final int MAX_TERM_MONTHS = 60;
  static final int MAX_CODES = 20;
  static final String CODE = "[a-z0-9]+(-[a-z0-9]+)*";

  /** Any character but control characters. */
  static final String ONE_LINE = "\\P{Cc}*";

  /** Any character but control characters other than tab and line breaks. */
  static final String TEXT = "[\\P{Cc}\\t\\r\\n]*";

  /**
   * The intake as process variables, in the form {@link IntakeForm} reads and the start form uses:
   * money as decimal text, lists comma-joined, counts as Long.
   */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(TOOL_NAME.name(), toolName);
    variables.put(VENDOR.name(), vendor);
    variables.put(VENDOR_URL.name(), vendorUrl);
    variables.put(
        CAPABILITIES.name(), capabilities == null ? null : String.join(",", capabilities));
    variables.put(BUSINESS_JUSTIFICATION.name(), businessJustification);
    variables.put(
        ANNUAL_LICENSE_COST.name(),
        annualLicenseCost == null ? null : annualLicenseCost.toPlainString());
    variables.put(
        IMPLEMENTATION_COST.name(),
        implementationCost == null ? null : implementationCost.toPlainString());
    variables.put(CURRENCY.name(), currency);
    variables.put(SEATS.name(), seats == null ? null : seats.longValue());
    variables.put(
        CONTRACT_TERM_MONTHS.name(),
        contractTermMonths == null ? null : contractTermMonths.longValue());
    variables.put(NEEDED_BY.name(), neededBy);
    variables.put(PERSONAL_DATA.name(), personalData == null ? null : personalData.name());
    variables.put(SSO.name(), sso == null ? null : sso.name());
    variables.put(INTEGRATIONS.name(), integrations == null ? "" : String.join(",", integrations));
    variables.put(DATA_EXPORT_SUPPORTED.name(), dataExportSupported);
    return variables;
  }

  /**
   * The body reduced to what it means, for Idempotency-Key comparison: field order, white space and
   * {@code 12000} versus {@code 12000.00} do not make two bodies different.
   */
  public Map<String, Object> canonical() {
    Map<String, Object> canonical = new TreeMap<>(toVariables());
    canonical.put(
        ANNUAL_LICENSE_COST.name(),
        annualLicenseCost == null ? null : annualLicenseCost.stripTrailingZeros().toPlainString());
    canonical.put(
        IMPLEMENTATION_COST.name(),
        implementationCost == null
            ? null
            : implementationCost.stripTrailingZeros().toPlainString());
    canonical.put(
        VENDOR_URL.name(), vendorUrl == null || vendorUrl.isBlank() ? null : vendorUrl.strip());
    return canonical;
  }
}
