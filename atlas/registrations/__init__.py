"""Registration for the network's trainings and events on the platform: places, waiting list,
confirmation and reminder mails, cancellation, participant list, attendance and feedback."""
