package com.tandem.board;

import com.tandem.notification.MailAttachmentSource;
import com.tandem.notification.Notifier;
import com.tandem.notification.PublicLinks;
import com.tandem.process.CaseIds;
import com.tandem.request.TandemGroups;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Each time a case (a request, a tool in use being adopted, a renewal) comes before the board
 * ({@code Task_BoardDecision} created, once per board cycle), every board member is mailed with the
 * board packet attached as a PDF (PRODUCT.md §8). The mail is queued in the task's transaction; its
 * PDF is made when the outbox sends it, so a retried or rolled-back step mails nothing twice and
 * nothing early.
 */
@Component
public class BoardPacketMail implements TaskListener, MailAttachmentSource {

  static final String KIND = "board-packet";

  private final Notifier notifier;
  private final BoardPacketPdf pdf;
  private final Cases cases;
  private final PublicLinks links;

  public BoardPacketMail(Notifier notifier, BoardPacketPdf pdf, Cases cases, PublicLinks links) {
    this.notifier = notifier;
    this.pdf = pdf;
    this.cases = cases;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = CaseIds.get(task.getExecution());
    BudgetCase subject = cases.get(caseId);
    String asked =
        subject.request() != null
            ? """
            Marketing and IT ask the board to decide on request %s for %s from %s, with their joint \
            budget proposal.

            The board packet is attached as a PDF: the request, its cost over the term, what we \
            already own that overlaps, every review with its comments, the money per budget line and \
            the proposal."""
                .formatted(caseId, subject.toolName(), subject.vendor())
            : subject.renewing() != null
                ? """
                Marketing and IT ask the board to fund another term of %s from %s, a tool we own \
                whose renewal (%s) its budget line cannot carry, with their joint budget proposal.

                The board packet is attached as a PDF: the current contract, seats bought against \
                users seen, the negotiated cost of the next term, both renewal reviews, the money \
                per budget line and the proposal."""
                    .formatted(subject.toolName(), subject.vendor(), caseId)
                : """
            Marketing and IT ask the board to fund adopting %s from %s, a tool found in use without \
            a purchase request (shadow-IT finding %s), with their joint budget proposal.

            The board packet is attached as a PDF: what discovery saw of the tool (users, spend, \
            sources), its owner, every review with its comments, the money per budget line and the \
            proposal."""
                    .formatted(subject.toolName(), subject.vendor(), caseId);
    notifier.notifyGroup(
        caseId,
        "board-decision-" + task.getId(),
        TandemGroups.BOARD,
        "[%s] The board is asked to decide on %s".formatted(caseId, subject.toolName()),
        """
        %s Decide in Tasklist: %s

        Tandem"""
            .formatted(asked, links.task(task.getId())),
        KIND + ":" + caseId);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<MailAttachment> make(String requestId) {
    if (cases.find(requestId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MailAttachment(
            "board-packet-" + requestId + ".pdf", "application/pdf", pdf.forRequest(requestId)));
  }
}
