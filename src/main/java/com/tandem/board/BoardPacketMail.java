package com.tandem.board;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.notification.MailAttachmentSource;
import com.tandem.notification.Notifier;
import com.tandem.notification.PublicLinks;
import com.tandem.request.RequestRegistry;
import com.tandem.request.TandemGroups;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Each time a request comes before the board ({@code Task_BoardDecision} created, once per board
 * cycle), every board member is mailed with the board packet attached as a PDF (PRODUCT.md §8). The
 * mail is queued in the task's transaction; its PDF is made when the outbox sends it, so a retried
 * or rolled-back step mails nothing twice and nothing early.
 */
@Component
public class BoardPacketMail implements TaskListener, MailAttachmentSource {

  static final String KIND = "board-packet";

  private final Notifier notifier;
  private final BoardPacketPdf pdf;
  private final RequestRegistry registry;
  private final PublicLinks links;

  public BoardPacketMail(
      Notifier notifier, BoardPacketPdf pdf, RequestRegistry registry, PublicLinks links) {
    this.notifier = notifier;
    this.pdf = pdf;
    this.registry = registry;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = REQUEST_ID.get(task.getExecution());
    var request = registry.get(requestId);
    notifier.notifyGroup(
        requestId,
        "board-decision-" + task.getId(),
        TandemGroups.BOARD,
        "[%s] The board is asked to decide on %s".formatted(requestId, request.data().toolName()),
        """
        Marketing and IT ask the board to decide on request %s for %s from %s, with their joint \
        budget proposal.

        The board packet is attached as a PDF: the request, its cost over the term, what we \
        already own that overlaps, every review with its comments, the money per budget line and \
        the proposal. Decide in Tasklist: %s

        Tandem"""
            .formatted(
                requestId,
                request.data().toolName(),
                request.data().vendor(),
                links.task(task.getId())),
        KIND + ":" + requestId);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<MailAttachment> make(String requestId) {
    if (registry.find(requestId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MailAttachment(
            "board-packet-" + requestId + ".pdf", "application/pdf", pdf.forRequest(requestId)));
  }
}
