namespace ColdStart.Analysis;
