/**
 * Internal: adds each row's parameters, attempts and timing to Allure, when Allure is on the class path.
 */
package dev.evals4j.report.allure;
