package org.pchatdr.portal.review.api;

import java.util.List;
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewDecision;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewState;
import org.pchatdr.portal.review.ReviewSummary;
import org.pchatdr.portal.review.ReviewView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews of ended runs over REST (issue 14): what waits on the caller, one review with its
 * {@code actions}, the decision, and closing findings. 403 with the rule for a reviewer who took
 * part in the run, 409 naming the first exception left without a disposition.
 */
@RestController
@RequestMapping("/api/v1")
record ReviewController(ReviewService reviews) {

    /** Without {@code state}: what waits on the caller; with it: every review in that state. */
    @GetMapping("/reviews")
    List<ReviewSummary> reviews(@RequestParam(required = false) ReviewState state) {
        return state == null ? reviews.waiting() : reviews.list(state);
    }

    @GetMapping("/runs/{id}/review")
    ReviewView review(@PathVariable long id) {
        return reviews.review(id);
    }

    @PostMapping("/runs/{id}/review")
    ReviewView decide(@PathVariable long id, @RequestBody ReviewDecision decision) {
        return reviews.decide(id, decision);
    }

    record CloseJson(String note) {}

    @PostMapping("/findings/{id}/close")
    Finding close(@PathVariable long id, @RequestBody CloseJson body) {
        return reviews.closeFinding(id, body.note());
    }
}
