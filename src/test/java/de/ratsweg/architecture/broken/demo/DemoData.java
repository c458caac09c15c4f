package de.ratsweg.architecture.broken.demo;

/** Demo data that a feature depends on (which it must not). */
public class DemoData {

}
