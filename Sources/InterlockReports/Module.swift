/// The InterlockReports module; its first real types replace this marker.
enum InterlockReportsModule {}
